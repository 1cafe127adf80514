import { describe, expect, it } from 'vitest';
import { linkSlot, MAX_TRACKED_LINKS, OPEN_URL, trackLinks } from '../../src/newsletter/tracked-links.js';

const SITE = 'https://mag.example';
const base = { newsletterName: 'Weekly', newsletterSlug: 'weekly' };
const track = (html: string, text = '', countOpens = false) => trackLinks({ ...base, html, text }, { publicUrl: SITE, countOpens });

describe('links of a send replaced by click stand-ins', () => {
  it('takes each web address once, decoding HTML entities, in HTML links and in the text part', () => {
    const { content, urls } = track(
      '<p><a href="https://films.example/a?x=1&amp;y=2">one</a> <a class="b" href="https://films.example/a?x=1&amp;y=2">again</a> <a href="HTTPS://Video.Example/t">t</a></p>',
      'See https://films.example/a?x=1&y=2. And (https://video.example/t), then https://wiki.example/F_(film)!',
    );
    expect(urls).toEqual(['https://films.example/a?x=1&y=2', 'https://video.example/t', 'https://wiki.example/F_(film)']);
    expect(content.html).toBe(`<p><a href="${linkSlot(0)}">one</a> <a class="b" href="${linkSlot(0)}">again</a> <a href="${linkSlot(1)}">t</a></p>`);
    expect(content.text).toBe(`See ${linkSlot(0)}. And (${linkSlot(1)}), then ${linkSlot(2)}!`);
    expect(content.links).toBe(3);
  });

  it('leaves alone what is not a web link, images, and the newsletter pages readers manage their subscription on', () => {
    const html = [
      '<a href="mailto:editor@mag.example">mail</a>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="%%unsubscribe_url%%">leave</a>',
      `<a href="${SITE}/newsletter/preferences/?token=abc">prefs</a>`,
      '<a href="https://">broken</a>',
      '<img src="https://img.example/a.jpg">',
      '<link href="https://fonts.example/css">',
    ].join('');
    const { content, urls } = track(html, `Leave: ${SITE}/newsletter/unsubscribe/?token=abc`);
    expect(urls).toEqual([]);
    expect(content.html).toBe(html);
    expect(content.text).toBe(`Leave: ${SITE}/newsletter/unsubscribe/?token=abc`);
  });

  it('rewrites the member and paying member renderings with the same numbers', () => {
    const { content } = trackLinks(
      { ...base, html: '<a href="https://a.example/">a</a>', text: '', members: { html: '<a href="https://b.example/">b</a><a href="https://a.example/">a</a>', text: '' } },
      { publicUrl: SITE, countOpens: false },
    );
    expect(content.members!.html).toBe(`<a href="${linkSlot(1)}">b</a><a href="${linkSlot(0)}">a</a>`);
  });

  it('adds the open-counting image before the end of the body only when asked', () => {
    expect(track('<html><body><p>Hi</p></body></html>').content.html).not.toContain(OPEN_URL);
    const counted = track('<html><body><p>Hi</p></body></html>', 'Hi', true).content;
    expect(counted.html).toMatch(new RegExp(`<p>Hi</p><img src="${OPEN_URL}" width="1" height="1" alt=""[^>]*></body></html>$`));
    expect(counted.text).toBe('Hi');
    expect(counted.opens).toBe(true);
  });

  it(`tracks at most ${MAX_TRACKED_LINKS} addresses and leaves the rest as they are`, () => {
    const html = Array.from({ length: MAX_TRACKED_LINKS + 5 }, (_, i) => `<a href="https://x.example/${i}">${i}</a>`).join('');
    const { content, urls } = track(html);
    expect(urls).toHaveLength(MAX_TRACKED_LINKS);
    expect(content.html).toContain(`<a href="https://x.example/${MAX_TRACKED_LINKS}">`);
  });
});
