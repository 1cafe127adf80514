import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/media/sniff.js';

const svgOf = (text: string) => sniff(Buffer.from(text));

describe('sniffing a file type', () => {
  it('finds an SVG after a byte order mark, an XML declaration, comments and a doctype', () => {
    const head = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: Illustrator -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n';
    expect(svgOf(`${head}<svg xmlns="http://www.w3.org/2000/svg"/>`)).toBe('image/svg+xml');
    expect(svgOf('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>')).toBe('image/svg+xml');
    expect(svgOf('<!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>')).toBe('image/svg+xml');
    expect(svgOf('<!-- a > b --><?xml-stylesheet href="a.css"?><svg\n  width="1"/>')).toBe('image/svg+xml');
  });

  it('does not take other markup, text or an unfinished head for an SVG', () => {
    expect(svgOf('<html><svg/></html>')).toBeUndefined();
    expect(svgOf('hello <svg/>')).toBeUndefined();
    expect(svgOf('<svgx/>')).toBeUndefined();
    expect(svgOf('<!-- never closed <svg/>')).toBeUndefined();
    expect(svgOf('<!DOCTYPE svg [<!ENTITY a "b">')).toBeUndefined();
  });

  // Each of these made the old pattern try every way of splitting the comments and doctypes
  // between its repeated groups: 2^n attempts, longer than the age of the universe here.
  it('answers at once for heads built to make a pattern backtrack', { timeout: 1000 }, () => {
    expect(svgOf('<!---->'.repeat(40) + '<x>')).toBeUndefined();
    expect(svgOf('<!---->'.repeat(500) + '<x>')).toBeUndefined();
    expect(svgOf('<!DOCTYPEE><!----><!DOCTYPE-->'.repeat(130))).toBeUndefined();
    expect(svgOf(`<?xml${' '.repeat(4000)}`)).toBeUndefined();
    expect(svgOf('<!---->'.repeat(500) + '<svg>')).toBe('image/svg+xml');
  });
});
