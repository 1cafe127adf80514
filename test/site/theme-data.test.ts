import { describe, expect, it } from 'vitest';
import { anonymous, forViewer, type Post } from '../../src/content/index.js';
import { themeData } from '../../src/site/theme-data.js';

/** A post whose body (and only its body) holds the words. */
const piece = (visibility: Post['visibility'], words: string) => ({ id: 1, slug: 'a-piece', title: 'A piece', visibility, html: `<p>${words}</p>`, plaintext: words, body: words, tags: [] }) as unknown as Post;

describe('what theme templates receive', () => {
  it('strips gated bodies wherever they sit, including a page’s own post that skipped the viewer check', () => {
    const paid = piece('paid', 'paid secret words');
    const members = piece('members', 'members secret words');
    const view = { post: paid, sections: [{ cards: [{ post: members }] }], results: { hits: [{ post: forViewer(paid, { kind: 'member', paid: true }) }] } };
    const shown = JSON.stringify(themeData(view));
    expect(shown).not.toContain('secret words');
    expect(JSON.stringify(view)).toContain('paid secret words');
  });

  it('keeps the page’s own post once cleared for the reader, public bodies, and data without posts untouched', () => {
    const cleared = forViewer(piece('paid', 'paid and readable'), { kind: 'member', paid: true });
    const open = piece('public', 'open words');
    const view = { post: cleared, more: [{ post: open }], money: (n: number) => `£${n}`, when: new Date(0) };
    const shown = themeData(view);
    expect(shown).toBe(view);
    expect(themeData({ post: forViewer(piece('paid', 'x'), anonymous) }).post.gated).toBe(true);
    const plain = { site: { title: 'Magazine' }, member: { email: 'a@example.com' } };
    expect(themeData(plain)).toBe(plain);
  });

  it('refuses data nested too deeply to check instead of passing it on', () => {
    let deep: Record<string, unknown> = { post: piece('paid', 'buried') };
    for (let i = 0; i < 40; i += 1) deep = { next: deep };
    expect(() => themeData(deep)).toThrow(/nested/);
  });
});
