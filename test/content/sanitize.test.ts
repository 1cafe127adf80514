import { describe, expect, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { renderBody } from '../../src/content/render.js';
import { embedHosts } from '../../src/content/sanitize.js';

// Known vectors from public XSS cheat sheets, in Markdown and raw HTML bodies.
const vectors = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src=`javascript:alert(1)`>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://evil.example/"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;top:0">overlay</p>',
  '<style>body{display:none}</style>',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<a href="#" onclick="alert(1)">x</a>',
  '<base href="javascript:/">',
  '<video><source onerror=alert(1)></video>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<a href="https://ok.example/" target="_top" onmouseover="alert(1)">ok</a>',
];

const markdownVectors = ['[click](javascript:alert(1))', '![img](javascript:alert(1))', '[x](vbscript:msgbox(1))', '<javascript:alert(1)>'];

const forbiddenTags = new Set(['script', 'style', 'object', 'embed', 'form', 'input', 'meta', 'link', 'base', 'svg', 'math', 'body', 'details', 'noscript']);

/** Reads the HTML as a browser would and lists everything in it that could run code or restyle the page. */
function threats(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (forbiddenTags.has(name)) found.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on|^style$|^srcdoc$|^formaction$/.test(attribute)) found.push(`${name}[${attribute}]`);
          if (['href', 'src', 'srcset', 'cite', 'action', 'data'].includes(attribute)) {
            const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (/^(javascript|vbscript|data):/.test(url)) found.push(`${name}[${attribute}=${value}]`);
            if (name === 'iframe' && !embedHosts.includes(new URL(value, 'https://site.invalid').host)) found.push(`iframe ${value}`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe('body sanitising', () => {
  for (const format of ['markdown', 'html'] as const) {
    it.each(format === 'markdown' ? [...vectors, ...markdownVectors] : vectors)(`removes the attack in a ${format} body: %s`, (vector) => {
      const { html } = renderBody(format, `Before.\n\n${vector}\n\nAfter.`);
      expect(threats(html)).toEqual([]);
      expect(html).toContain('Before.');
    });
  }

  it('the threat reader itself spots attacks', () => {
    expect(threats('<p onclick="x">a</p><a href=" JAVASCRIPT:x">b</a><script></script>')).toHaveLength(3);
  });

  it('keeps the markup a magazine needs', () => {
    const { html } = renderBody(
      'html',
      '<h2>Heading</h2><p><strong>b</strong> <em>i</em> <a href="https://example.org/">link</a></p>' +
        '<blockquote><p>quote</p></blockquote><aside class="pull-quote">pull</aside>' +
        '<figure class="image"><img src="/media/a.jpg" alt="A"><figcaption>Caption</figcaption></figure>' +
        '<figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/abc" title="Trailer"></iframe></figure><hr>',
    );
    for (const part of ['<h2>', '<strong>', '<em>', 'href="https://example.org/"', '<blockquote>', 'class="pull-quote"', '<figcaption>', 'alt="A"', 'youtube-nocookie.com/embed/abc', '<hr />']) {
      expect(html).toContain(part);
    }
    expect(html).toContain('rel="noopener"');
  });

  it('counts words and derives plain text', () => {
    const body = renderBody('markdown', '# Title\n\nOne two three *four*.\n\n- five\n- six');
    expect(body.wordCount).toBe(7);
    expect(body.plaintext).toBe('Title\nOne two three four.\nfive\nsix');
  });
});
