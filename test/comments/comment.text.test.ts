import { describe, expect, it } from 'vitest';
import { commentHtml } from '../../src/comments/index.js';
import { localSpamCheck } from '../../src/comments/index.js';

describe('comment text', () => {
  it('escapes markup and keeps line breaks', () => {
    expect(commentHtml('<script>alert(1)</script>\n"quoted" & \'single\'\r\nend')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<br>\n&quot;quoted&quot; &amp; &#39;single&#39;<br>\nend');
  });

  it('links web addresses without their closing punctuation, marked as user content', () => {
    expect(commentHtml('See https://example.com/a?b=1&c=2.')).toBe('See <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">https://example.com/a?b=1&amp;c=2</a>.');
  });

  it('never links other schemes or breaks out of the attribute', () => {
    expect(commentHtml('javascript:alert(1) data:text/html,x')).not.toContain('<a');
    const html = commentHtml('https://example.com/"onmouseover="alert(1)');
    expect(html).toBe('<a href="https://example.com/" rel="nofollow ugc noopener">https://example.com/</a>&quot;onmouseover=&quot;alert(1)');
    expect(commentHtml('http:// nothing')).toBe('http:// nothing');
  });
});

describe('the local spam check', () => {
  it('holds four links or more, not three', async () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://e${i}.example`).join(' ');
    expect(await localSpamCheck.check({ body: links(3), earlier: [] })).toEqual({ hold: false });
    expect(await localSpamCheck.check({ body: links(4), earlier: [] })).toEqual({ hold: true, reason: 'links' });
  });

  it('lets short capitals and words containing a spam word through', async () => {
    expect(await localSpamCheck.check({ body: 'OK, LOL', earlier: [] })).toEqual({ hold: false });
    expect(await localSpamCheck.check({ body: 'The escorted convoy in Casinos Royale', earlier: [] })).toEqual({ hold: false });
  });
});
