import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/content/index.js';
import { featuresOf, score, weights } from '../../src/recommendations/recommendation.score.js';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

/** A published piece with only what scoring reads; no shared words, tags, authors or section. */
function piece(id: number, fields: { title?: string; plaintext?: string; named?: string[] } = {}) {
  const post = {
    id,
    title: fields.title ?? `Piece ${id}`,
    excerpt: '',
    plaintext: fields.plaintext ?? '',
    publishedAt: '2026-11-20T12:00:00.000Z',
    createdAt: '2026-11-20T12:00:00.000Z',
    review: null,
    people: (fields.named ?? []).map((name, i) => ({ person: { id: 100 + i, slug: `person-${i}`, name }, role: 'interviewee' })),
    authors: [],
    tags: [],
    primaryTag: null,
  } as unknown as Post;
  return featuresOf(post, new Map());
}

describe('the mentions signal', () => {
  const interview = piece(1, { named: ['Ann Lee', 'Ann', '!!'] });
  const plain = score(interview, piece(2, { plaintext: 'Nothing in common.' }), NOW);

  it('counts a piece whose text names a person another piece names', () => {
    expect(score(interview, piece(3, { plaintext: 'We met Ann Lee, again.' }), NOW) - plain).toBeCloseTo(weights.mentions);
    expect(score(interview, piece(4, { title: 'ANN' }), NOW) - plain).toBeCloseTo(weights.mentions);
  });

  it('finds names only as whole words, never inside other words or in punctuation', () => {
    expect(score(interview, piece(5, { plaintext: 'The annual fair; Annlee street!! canned goods.' }), NOW)).toBe(plain);
    expect(score(interview, piece(6, { plaintext: '!!' }), NOW)).toBe(plain);
  });
});
