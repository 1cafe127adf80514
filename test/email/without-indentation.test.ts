import { describe, expect, it } from 'vitest';
import { withoutIndentation } from '../../src/email/render.js';

describe('dropping the indentation of an email', () => {
  // The old pattern searched to the end of the message for a closing tag from every opening one,
  // and again from every position between: hours for a few megabytes of unclosed <pre tags.
  it('answers at once for many <pre> and <textarea> tags that are never closed', { timeout: 3000 }, () => {
    const unclosed = '<pre '.repeat(500_000) + '<TEXTAREA '.repeat(200_000);
    expect(withoutIndentation(`${unclosed}\n   text`)).toBe(`${unclosed}\ntext`);
    expect(withoutIndentation(`<pre>\n  kept\n</pre>${'<pre '.repeat(500_000)}\n  x`)).toBe(`<pre>\n  kept\n</pre>${'<pre '.repeat(500_000)}\nx`);
  });

  it('keeps what sits between an opening and its closing tag, whichever comes first', () => {
    expect(withoutIndentation('<pre>\n  a<textarea>\n  b</pre>\n  c</textarea>\n  d')).toBe('<pre>\n  a<textarea>\n  b</pre>\nc</textarea>\nd');
    expect(withoutIndentation('<pre>\n  a\n<textarea>\n  b</textarea >\n  c')).toBe('<pre>\na\n<textarea>\n  b</textarea >\nc');
    expect(withoutIndentation('<preface>\n  a</preface>')).toBe('<preface>\na</preface>');
  });
});
