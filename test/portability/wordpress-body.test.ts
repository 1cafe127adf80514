import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/content/index.js';
import { autop } from '../../src/portability/wordpress/autop.js';
import { convertBody } from '../../src/portability/wordpress/body.convert.js';
import { describeIssues, type AttachmentInfo, type BodyContext } from '../../src/portability/wordpress/body.types.js';

const attachments: AttachmentInfo[] = [
  { id: '11', url: 'https://old.example/wp-content/uploads/2024/01/harbour.jpg', title: 'harbour', alt: 'Boats in the harbour', caption: 'The harbour at dawn', parent: '5', menuOrder: 0 },
  { id: '12', url: 'https://old.example/wp-content/uploads/2024/01/lighthouse.jpg', title: 'lighthouse', alt: 'A lighthouse', caption: '', parent: '5', menuOrder: 1 },
];

function context(overrides: Partial<BodyContext> = {}): BodyContext {
  return {
    postId: '5',
    image: (url) => {
      const file = url
        .split('/')
        .pop()!
        .split('?')[0]!
        .replace(/-\d+x\d+(?=\.)/, '');
      return url.includes('old.example') ? { url: `/media/2026/11/abc/${file}`, width: 960, height: 640, alt: 'from the library' } : null;
    },
    attachment: (id) => attachments.find((a) => a.id === id),
    attachmentsOf: (postId) => attachments.filter((a) => a.parent === postId),
    link: (url) => (url === 'https://old.example/2023/05/01/older-piece/' ? '/older-piece/' : null),
    reusable: (id) => (id === '77' ? '<!-- wp:paragraph --><p>Support the magazine.</p><!-- /wp:paragraph -->' : undefined),
    footnotes: [],
    ...overrides,
  };
}

/** The body as the site stores it: converted, then through the body sanitizer like every body. */
function body(content: string, overrides: Partial<BodyContext> = {}): string {
  return renderBody('html', convertBody(content, context(overrides)).html).html;
}

describe('classic editor content', () => {
  it('makes paragraphs of blank lines and line breaks of single ones, as WordPress shows them', () => {
    expect(autop('First line\nsecond line\n\nNew paragraph.')).toBe('<p>First line<br />\nsecond line</p>\n<p>New paragraph.</p>');
  });

  it('adds nothing around or inside block-level elements, nor inside <pre>', () => {
    expect(autop('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nAfter the list')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>After the list</p>');
    expect(autop('Code:\n<pre>a = 1\n\nb = 2\n</pre>\nDone')).toBe('<p>Code:</p>\n<pre>a = 1\n\nb = 2\n</pre>\n<p>Done</p>');
    expect(autop('<table>\n<tr>\n<td>cell</td>\n</tr>\n</table>')).toBe('<table>\n<tr>\n<td>cell</td>\n</tr>\n</table>');
    expect(autop('<blockquote>Quoted\n\nstill quoted</blockquote>')).toBe('<blockquote><p>Quoted</p>\n<p>still quoted</p></blockquote>');
  });

  it('turns a [caption] shortcode into a figure with its caption, the image moved to the library', () => {
    const html = body(
      'Before.\n\n[caption id="attachment_11" align="alignright" width="300"]<a href="https://old.example/wp-content/uploads/2024/01/harbour.jpg"><img class="size-medium wp-image-11" src="https://old.example/wp-content/uploads/2024/01/harbour-300x200.jpg" alt="Boats" width="300" height="200" /></a> The harbour at <em>dawn</em>[/caption]\n\nAfter.',
    );
    expect(html).toContain('<figure class="image"><img src="/media/2026/11/abc/harbour.jpg" alt="Boats" width="960" height="640"');
    expect(html).toContain('<figcaption>The harbour at <em>dawn</em></figcaption></figure>');
    expect(html).toMatch(/^<p>Before.<\/p>/);
    expect(html).not.toContain('old.example');
  });

  it('takes the caption of an old-style [caption caption="…"] shortcode', () => {
    expect(body('[caption id="attachment_11" caption="Dawn over the water"]<img src="https://old.example/wp-content/uploads/2024/01/harbour.jpg" alt="" />[/caption]')).toContain(
      '<figcaption>Dawn over the water</figcaption>',
    );
  });

  it('turns [gallery] into a figure per image, with the attachments of the post when no ids are given', () => {
    const listed = body('[gallery ids="12,11" columns="2"]');
    expect(listed.match(/<figure class="image">/g)).toHaveLength(2);
    expect(listed.indexOf('lighthouse.jpg')).toBeLessThan(listed.indexOf('harbour.jpg'));
    expect(listed).toContain('<figcaption>The harbour at dawn</figcaption>');
    expect(body('[gallery]').match(/<figure class="image">/g)).toHaveLength(2);
  });

  it('plays a YouTube address alone on its line and an [embed]; other providers become links', () => {
    const html = body('Watch this:\n\nhttps://www.youtube.com/watch?v=SQEQr7c0-dw\n\n[embed]https://vimeo.com/12345678[/embed]\n\nhttps://twitter.com/someone/status/1');
    expect(html).toContain('<figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/SQEQr7c0-dw"');
    expect(html).toContain('<iframe src="https://player.vimeo.com/video/12345678"');
    expect(html).toContain('<a href="https://twitter.com/someone/status/1" rel="noopener">https://twitter.com/someone/status/1</a>');
    const issues = describeIssues(convertBody('https://twitter.com/someone/status/1', context()).issues);
    expect(issues).toEqual(['embeds became links (only YouTube and Vimeo play in bodies): twitter.com']);
  });

  it('removes plugin shortcodes but keeps their text, and leaves bracketed words alone', () => {
    const html = body('[su_note note_color="#fff"]Members get the print issue.[/su_note]\n\nThe score [sic] was [update] wrong.');
    expect(html).toContain('Members get the print issue.');
    expect(html).not.toContain('su_note');
    expect(html).toContain('The score [sic] was [update] wrong.');
  });

  it('keeps no scripts, styles, forms or event handlers', () => {
    const html = body('<p onclick="steal()">Hi</p><script>alert(1)</script><style>p{}</style><form><input value="x"><button>Send</button></form>');
    expect(html).toBe('<p>Hi</p>');
  });

  it('rewrites links into the old site to the pieces where they are now', () => {
    expect(body('See <a href="https://old.example/2023/05/01/older-piece/">this</a>.')).toBe('<p>See <a href="/older-piece/">this</a>.</p>');
  });
});

describe('block editor content', () => {
  it('keeps a table block with its caption', () => {
    const html = body(
      '<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>Film</th><th>Year</th></tr></thead><tbody><tr><td>Past Lives</td><td>2023</td></tr></tbody></table><figcaption class="wp-element-caption">Films of the year</figcaption></figure>\n<!-- /wp:table -->',
    );
    expect(html).toBe('<figure><table><thead><tr><th>Film</th><th>Year</th></tr></thead><tbody><tr><td>Past Lives</td><td>2023</td></tr></tbody></table><figcaption>Films of the year</figcaption></figure>');
  });

  it('makes a pull quote block a Masthead pull quote with its citation', () => {
    expect(body('<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>We kept the lights on.</p><cite>The editor</cite></blockquote></figure>\n<!-- /wp:pullquote -->')).toBe(
      '<aside class="pull-quote"><p>We kept the lights on.</p><p><cite>The editor</cite></p></aside>',
    );
  });

  it('keeps headings, lists, quotes, code and verse; a level-one heading becomes level two', () => {
    const html = body(
      [
        '<!-- wp:heading {"level":1} --><h1 class="wp-block-heading">Title inside</h1><!-- /wp:heading -->',
        '<!-- wp:list --><ul class="wp-block-list"><!-- wp:list-item --><li>One</li><!-- /wp:list-item --><!-- wp:list-item --><li>Two</li><!-- /wp:list-item --></ul><!-- /wp:list -->',
        '<!-- wp:quote --><blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Quoted.</p><!-- /wp:paragraph --><cite>Someone</cite></blockquote><!-- /wp:quote -->',
        '<!-- wp:code --><pre class="wp-block-code"><code>let a = 1;</code></pre><!-- /wp:code -->',
        '<!-- wp:verse --><pre class="wp-block-verse">Line one\n  line two</pre><!-- /wp:verse -->',
      ].join('\n\n'),
    );
    expect(html).toContain('<h2>Title inside</h2>');
    expect(html).toContain('<ul><li>One</li><li>Two</li></ul>');
    expect(html).toContain('<blockquote><p>Quoted.</p><cite>Someone</cite></blockquote>');
    expect(html).toContain('<pre><code>let a = 1;</code></pre>');
    expect(html).toContain('<pre>Line one\n  line two</pre>');
  });

  it('unwraps columns and groups, makes buttons links, and lifts images out of paragraphs', () => {
    const html = body(
      '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Left <img src="https://old.example/wp-content/uploads/2024/01/harbour-150x150.jpg" alt=""> text</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:buttons --><div class="wp-block-buttons"><!-- wp:button --><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://shop.example/">Buy the issue</a></div><!-- /wp:button --></div><!-- /wp:buttons --></div><!-- /wp:column --></div><!-- /wp:columns -->',
    );
    expect(html).toBe(
      '<p>Left </p><figure class="image"><img src="/media/2026/11/abc/harbour.jpg" alt="from the library" width="960" height="640" loading="lazy" decoding="async" /></figure><p> text</p><p><a href="https://shop.example/" rel="noopener">Buy the issue</a></p>',
    );
  });

  it('turns image and gallery blocks into figures, drops links to the image itself', () => {
    const html = body(
      '<!-- wp:gallery {"linkTo":"media"} --><figure class="wp-block-gallery has-nested-images columns-default"><!-- wp:image {"id":11} --><figure class="wp-block-image"><a href="https://old.example/wp-content/uploads/2024/01/harbour.jpg"><img src="https://old.example/wp-content/uploads/2024/01/harbour-1024x683.jpg" alt="Harbour" class="wp-image-11"/></a><figcaption class="wp-element-caption">One</figcaption></figure><!-- /wp:image --><!-- wp:image {"id":12} --><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2024/01/lighthouse.jpg" alt="Light" class="wp-image-12"/></figure><!-- /wp:image --><figcaption class="blocks-gallery-caption">Two views</figcaption></figure><!-- /wp:gallery -->',
    );
    expect(html).toBe(
      '<figure class="image"><img src="/media/2026/11/abc/harbour.jpg" alt="Harbour" width="960" height="640" loading="lazy" decoding="async" /><figcaption>One</figcaption></figure><figure class="image"><img src="/media/2026/11/abc/lighthouse.jpg" alt="Light" width="960" height="640" loading="lazy" decoding="async" /></figure><p>Two views</p>',
    );
  });

  it('plays embed blocks from YouTube and names the blocks that drew site content', () => {
    const converted = convertBody(
      '<!-- wp:embed {"url":"https://youtu.be/SQEQr7c0-dw","type":"video","providerNameSlug":"youtube"} --><figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/SQEQr7c0-dw\n</div><figcaption>Trailer</figcaption></figure><!-- /wp:embed --><!-- wp:latest-posts /--><!-- wp:latest-posts {"postsToShow":3} /-->',
      context(),
    );
    expect(converted.html).toBe(
      '<figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/SQEQr7c0-dw" title="Embedded video" width="560" height="315" allowfullscreen></iframe><figcaption>Trailer</figcaption></figure>',
    );
    expect(describeIssues(converted.issues)).toEqual(["left out blocks that show the site's content rather than the post's own: core/latest-posts ×2"]);
  });

  it('includes reusable blocks and the footnotes kept beside the content', () => {
    const html = body('<!-- wp:paragraph --><p>Text<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup></p><!-- /wp:paragraph --><!-- wp:block {"ref":77} /--><!-- wp:footnotes /-->', {
      footnotes: [{ id: 'a1', content: 'A source.' }],
    });
    expect(html).toBe('<p>Text<sup>1</sup></p>\n<p>Support the magazine.</p>\n<ol><li>A source.</li></ol>');
  });

  it('leaves images from other sites where they are', () => {
    expect(body('<!-- wp:image --><figure class="wp-block-image"><img src="https://cdn.elsewhere.example/a.jpg" alt="Elsewhere"/></figure><!-- /wp:image -->')).toBe(
      '<figure class="image"><img src="https://cdn.elsewhere.example/a.jpg" alt="Elsewhere" loading="lazy" decoding="async" /></figure>',
    );
  });
});

describe('hostile bodies', () => {
  /** Converts within a time that grows with the size of the body, not its square. */
  function quickly(content: string): string {
    const began = performance.now();
    const html = convertBody(content, context()).html;
    expect(performance.now() - began).toBeLessThan(10_000);
    return html;
  }

  it('survives elements nested a hundred thousand deep', () => {
    const html = quickly(`${'<div><span>'.repeat(100_000)}deep${'</span></div>'.repeat(100_000)}`);
    expect(renderBody('html', html).html).toContain('deep');
  });

  it('reads a body full of unclosed shortcodes, closers and raw-text elements in linear time', () => {
    expect(quickly('[a x '.repeat(200_000))).toContain('[a x');
    expect(quickly(`${'[gallery] [caption]'.repeat(20_000)}[/caption]`)).not.toContain('[gallery]');
    expect(quickly('<script>x</script><p>text</p>'.repeat(50_000))).not.toContain('<script');
  });

  it('stops following shortcodes nested inside each other past a sane depth', () => {
    const depth = 5_000;
    const nested = Array.from({ length: depth }, (_, i) => `[box${i} a="1"]`).join('') + 'core' + Array.from({ length: depth }, (_, i) => `[/box${depth - 1 - i}]`).join('');
    expect(quickly(nested)).toContain('core');
  });
});
