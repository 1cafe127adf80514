import { describe, expect, it } from 'vitest';
import { cleanSvg } from '../../src/media/svg.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (inner: string, attributes = '') => `<svg xmlns="${SVG}" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;
const check = (text: string | Buffer) => cleanSvg(Buffer.isBuffer(text) ? text : Buffer.from(text));
const stored = async (text: string | Buffer) => {
  const result = await check(text);
  if (!('svg' in result)) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.svg.toString('utf8');
};

describe('checking an uploaded SVG', () => {
  it('refuses script and other live content however its namespace is spelled', async () => {
    const cases: Array<[string, string]> = [
      [`<svg xmlns="${SVG}" xmlns:s="${SVG}"><s:script>alert(1)</s:script></svg>`, 'contains a <script> element'],
      [svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), 'contains a <script> element from HTML'],
      [svg('<g xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></g>'), 'contains a <g> element from HTML'],
      [svg('<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/>'), 'contains a <math> element from MathML'],
      [svg('<x:thing xmlns:x="urn:example:widgets"/>'), 'contains a <thing> element from urn:example:widgets'],
      [svg('<foreignObject><p>hi</p></foreignObject>'), 'contains a <foreignObject> element'],
      [svg('<a href="javascript:alert(1)"><rect width="5" height="5"/></a>'), 'contains an <a> element'],
      [svg('<SCRIPT>alert(1)</SCRIPT>'), 'contains a <SCRIPT> element'],
      [svg('<rect width="5" height="5"><set attributeName="href" to="javascript:alert(1)"/></rect>'), 'animates the href attribute'],
      [svg('<animate attributeName="xlink:href" values="javascript:alert(1)"/>'), 'animates the xlink:href attribute'],
      [svg('<rect onclick="alert(1)"/>'), 'contains an event handler attribute (onclick)'],
      [svg('<rect ONLOAD="alert(1)"/>'), 'contains an event handler attribute (ONLOAD)'],
      [svg('<rect x:onload="alert(1)" xmlns:x="urn:x"/>'), 'contains an event handler attribute (x:onload)'],
    ];
    for (const [text, unsafe] of cases) expect(await check(text), text).toEqual({ unsafe });
  });

  it('refuses references to anything outside the file', async () => {
    const cases: Array<[string, string]> = [
      [svg('<use href="https://evil.example/sprite.svg#a"/>'), 'links to https://evil.example/sprite.svg#a (only #fragment links and embedded images are allowed)'],
      [svg('<use xlink:href="data:image/svg+xml,&lt;svg/&gt;"/>'), 'links to data:image/svg+xml,<svg/> (only #fragment links and embedded images are allowed)'],
      [svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), 'links to data:image/svg+xml;base64,PHN2Zy8+ (only #fragment links and embedded images are allowed)'],
      [svg('<linearGradient id="a" href="/media/other.svg#g"/>'), 'links to /media/other.svg#g (only #fragment links and embedded images are allowed)'],
      [`<!DOCTYPE svg [<!ENTITY a "b">]>${svg('')}`, 'declares XML entities or other definitions in its doctype'],
      [`<?xml-stylesheet href="https://evil.example/x.css"?>${svg('')}`, 'attaches a style sheet (<?xml-stylesheet?>)'],
      [svg('<style>@import url(https://evil.example/x.css);</style>'), 'imports an external style sheet'],
      [svg('<style>@IMPORT "https://evil.example/x.css";</style>'), 'imports an external style sheet'],
      [svg('<style>@font-face { font-family: x; src: local(x) }</style>'), 'uses the style rule @font-face'],
      [svg('<style>rect { fill: url(https://evil.example/p) }</style>'), 'refers to something outside the file in url(…) (only url(#fragment) is allowed)'],
      [svg('<style>rect { fill: URL( "https://evil.example/p" ) }</style>'), 'refers to something outside the file in url(…) (only url(#fragment) is allowed)'],
      [svg('<style>rect { fill: u\\72l(https://evil.example/p) }</style>'), 'uses escapes (\\) in its styles'],
      [svg('<style>rect { fill: ur<![CDATA[l(https://evil.example/p) }]]></style>'), 'refers to something outside the file in url(…) (only url(#fragment) is allowed)'],
      [svg('<style>a { content: "/*" } rect { fill: url(https://evil.example/p) } b { content: "*/" }</style>'), 'refers to something outside the file in url(…) (only url(#fragment) is allowed)'],
      [svg('<style>rect { background: image-set("https://evil.example/p" 1x) }</style>'), 'uses the style function image-set()'],
      [svg('<rect style="cursor: url(https://evil.example/c.png), auto"/>'), 'refers to something outside the file in url(…) (only url(#fragment) is allowed)'],
      [svg('<rect fill="url(\'https://evil.example/p\')"/>'), 'refers to something outside the file in url(…) (only url(#fragment) is allowed)'],
      [svg('<rect width="5" height="5"><animate attributeName="fill" values="red;url(https://evil.example/p)" dur="1s"/></rect>'), 'refers to something outside the file in url(…) (only url(#fragment) is allowed)'],
    ];
    for (const [text, unsafe] of cases) expect(await check(text), text).toEqual({ unsafe });
  });

  it('says why a file that is not a well-formed SVG cannot be read', async () => {
    expect(await check(svg('<g>'))).toEqual({ unreadable: 'is not well-formed XML (line 1, column 92: unexpected close tag)' });
    expect(await check(svg('&nbsp;'))).toEqual({ unreadable: 'is not well-formed XML (line 1, column 89: undefined entity)' });
    expect(await check(svg('<rect width=5/>'))).toEqual({ unreadable: 'is not well-formed XML (line 1, column 96: unquoted attribute value)' });
    expect(await check('<svg:svg xmlns:svg="urn:not-svg"/>')).toEqual({ unreadable: 'is not an SVG drawing (its root element is <svg:svg>)' });
    expect(await check(Buffer.concat([Buffer.from(`<svg xmlns="${SVG}"><title>`), Buffer.from([0xc3, 0x28]), Buffer.from('</title></svg>')]))).toEqual({
      unreadable: 'is not valid UTF-8 text',
    });
    expect(await check(`<?xml version="1.0" encoding="x-made-up"?>${svg('')}`)).toEqual({ unreadable: 'names a text encoding that is not known (x-made-up)' });
    const deep = svg(`${'<g>'.repeat(300)}${'</g>'.repeat(300)}`);
    expect(await check(deep)).toEqual({ unsafe: 'nests elements more than 256 deep' });
  });

  it('stores a drawing program’s file as plain SVG, keeping the drawing and leaving out its bookkeeping', async () => {
    const inkscape = [
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
      '<!-- Created with Inkscape -->',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
      `<svg xmlns="${SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"`,
      '  xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
      '  width="60" height="30" viewBox="0 0 60 30" inkscape:version="1.3" sodipodi:docname="logo.svg" data-name="Layer 1">',
      '<sodipodi:namedview id="view" pagecolor="#ffffff"><inkscape:grid type="xygrid"/></sodipodi:namedview>',
      '<metadata><rdf:RDF><rdf:Description/></rdf:RDF></metadata>',
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#b3261e"/></linearGradient>',
      '<linearGradient id="g2" xlink:href="#g" gradientUnits="userSpaceOnUse"/></defs>',
      '<style><![CDATA[.a { fill: url(#g2) } g > .a:not(.b) { stroke: rgb(1, 2, 3) } @media (min-width: 10px) { .a { opacity: .5 } }]]></style>',
      '<g inkscape:label="Layer" inkscape:groupmode="layer" transform="translate(1,2)">',
      '<rect class="a" width="40" height="20" style="fill-opacity:1;stroke:none"/>',
      '<text x="2" y="15" xml:space="preserve">A &lt; B &amp; C</text>',
      '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>',
      '<circle r="4"><animate attributeName="r" values="4;6;4" dur="2s" repeatCount="indefinite"/></circle>',
      '</g></svg>',
    ].join('\n');
    expect(await stored(inkscape)).toBe(
      `<svg xmlns="${SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" width="60" height="30" viewBox="0 0 60 30">` +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#b3261e"/></linearGradient>' +
        '<linearGradient id="g2" xlink:href="#g" gradientUnits="userSpaceOnUse"/></defs>' +
        '<style>.a { fill: url(#g2) } g &gt; .a:not(.b) { stroke: rgb(1, 2, 3) } @media (min-width: 10px) { .a { opacity: .5 } }</style>' +
        '<g transform="translate(1,2)"><rect class="a" width="40" height="20" style="fill-opacity:1;stroke:none"/>' +
        '<text x="2" y="15" xml:space="preserve">A &lt; B &amp; C</text>' +
        '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>' +
        '<circle r="4"><animate attributeName="r" values="4;6;4" dur="2s" repeatCount="indefinite"/></circle></g></svg>',
    );
  });

  it('reads the encoding the file declares and stores UTF-8; an SVG without its namespace gets it', async () => {
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><svg width="10" height="10"><title>Café</title></svg>`, 'latin1');
    expect(await stored(latin1)).toBe(`<svg xmlns="${SVG}" width="10" height="10"><title>Café</title></svg>`);
    expect(await stored(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(svg('<title>Ünïcode "quoted"</title>', ' id="a&quot;b"'))]))).toBe(
      `<svg xmlns="${SVG}" id="a&quot;b"><title>Ünïcode "quoted"</title></svg>`,
    );
  });

  it('lets other requests be answered while it reads a large file', async () => {
    let finished = false;
    const checking = check(svg('<!---->'.repeat(1_000_000))).then((result) => ((finished = true), result));
    await new Promise(setImmediate);
    expect(finished).toBe(false);
    expect(await checking).toEqual({ svg: Buffer.from(`<svg xmlns="${SVG}"/>`) });
  });

  it('answers at once for files built to make a parser or a pattern work hard', { timeout: 5000 }, async () => {
    const mb = 1_000_000;
    expect(await check(svg('<'.repeat(2 * mb)))).toMatchObject({ unreadable: expect.stringContaining('is not well-formed XML') });
    expect(await check(svg(`<style>${'/*'.repeat(mb / 2)}</style>`))).toMatchObject({ svg: expect.any(Buffer) });
    expect(await check(svg(`<style>${'a'.repeat(mb)}</style>`))).toMatchObject({ svg: expect.any(Buffer) });
    expect(await check(svg(`<style>${'"'.repeat(mb)}</style>`))).toMatchObject({ svg: expect.any(Buffer) });
    expect(await check(svg(`<rect fill="${'url(#a) '.repeat(mb / 8)}"/>`))).toMatchObject({ svg: expect.any(Buffer) });
    expect(await check(`<?xml version="1.0"${' '.repeat(mb)}?>${svg('')}`)).toMatchObject({ svg: expect.any(Buffer) });
    expect(await check(svg(`<rect ${Array.from({ length: 300_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`))).toEqual({ unsafe: 'has an element with more than 1,000 attributes' });
    expect(await check(svg(`${'<g>'.repeat(250)}${'</g>'.repeat(250)}`.repeat(1000)))).toEqual({ unsafe: 'has more than 100,000 elements' });
  });
});
