import type { Post } from '../content/index.js';
import type { CreditRole, PieceRole } from '../reviews/index.js';
import { cosine } from './recommendation.text.js';

/** What a post is compared by. */
export interface Features {
  id: number;
  publishedAt: string;
  vector: Map<string, number>;
  workId: number | null;
  /** People credited in the reviewed work or named by the piece, with how much their role says about it. */
  people: Map<number, number>;
  /** Lower-case names of those people, to notice pieces that mention them (as whole words). */
  names: Map<string, number>;
  /** Lower-case title, excerpt and body, to look names up in. */
  text: string;
  authorIds: Set<number>;
  sectionId: number | null;
  tagIds: Set<number>;
}

/** How strongly a role ties a person to a work: the director or author shapes it, a supporting actor less. */
const roleWeights: Partial<Record<CreditRole, number>> = {
  director: 1,
  author: 1,
  creator: 1,
  performer: 1,
  host: 0.8,
  screenwriter: 0.7,
  cast: 0.5,
  composer: 0.4,
  cinematographer: 0.4,
  producer: 0.2,
  translator: 0.2,
};

/** How strongly a piece is about a person it names: an interview is about its subject as a film is its director's. */
const pieceRoleWeights: Record<PieceRole, number> = {
  interviewee: 1,
};

/**
 * Weights of each signal. Text carries most of the meaning; a shared work or director is strong
 * evidence on its own; shared tags, author and section break ties (the section is a broad
 * bucket, so it counts least); recency nudges towards what is fresh. Checked against the labelled
 * demo set (test/recommendations/labels.ts); see the README for the method and figures.
 */
export const weights = {
  text: 1.5,
  sameWork: 0.6,
  people: 0.35,
  mentions: 0.25,
  author: 0.05,
  section: 0.05,
  tags: 0.2,
  recency: 0.05,
} as const;

const RECENCY_DAYS = 365;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether the (lower-case) text has the name as whole words: "ann" in "ann lee, again" but not in "the annual fair". */
function hasName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (!WORD_CHARACTER.test(text[at - 1] ?? '') && !WORD_CHARACTER.test(text[at + name.length] ?? '')) return true;
  }
  return false;
}

export function featuresOf(post: Post, vector: Map<string, number>): Features {
  const people = new Map<number, number>();
  const names = new Map<string, number>();
  const add = (person: { id: number; name: string }, weight: number) => {
    people.set(person.id, Math.max(people.get(person.id) ?? 0, weight));
    // A name of punctuation alone would be found in any text.
    const name = person.name.toLowerCase();
    if (WORD_CHARACTER.test(name)) names.set(name, Math.max(names.get(name) ?? 0, weight));
  };
  post.review?.work.credits.forEach((credit, position) => add(credit.person, (roleWeights[credit.role] ?? 0.2) * (credit.role === 'cast' && position > 4 ? 0.5 : 1)));
  for (const named of post.people) add(named.person, pieceRoleWeights[named.role]);
  return {
    id: post.id,
    publishedAt: post.publishedAt ?? post.createdAt,
    vector,
    workId: post.review?.work.id ?? null,
    people,
    names,
    text: `${post.title} ${post.excerpt} ${post.plaintext}`.toLowerCase(),
    authorIds: new Set(post.authors.map((a) => a.id)),
    sectionId: post.primaryTag?.id ?? null,
    tagIds: new Set(post.tags.map((t) => t.id)),
  };
}

function sharedPeople(a: Features, b: Features): number {
  let sum = 0;
  for (const [person, weight] of a.people) {
    const other = b.people.get(person);
    if (other !== undefined) sum += Math.min(weight, other);
  }
  return Math.min(1, sum);
}

/** Names of people in one piece's work, or named by it, that the other piece mentions. */
function mentions(a: Features, b: Features): number {
  let sum = 0;
  for (const [name, weight] of a.names) if (!b.names.has(name) && hasName(b.text, name)) sum += weight;
  for (const [name, weight] of b.names) if (!a.names.has(name) && hasName(a.text, name)) sum += weight;
  return Math.min(1, sum);
}

function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** How much a reader of `target` may like `candidate`. */
export function score(target: Features, candidate: Features, now: number): number {
  const ageDays = Math.max(0, (now - Date.parse(candidate.publishedAt)) / 86_400_000);
  let shared = false;
  for (const id of candidate.authorIds) shared ||= target.authorIds.has(id);
  return (
    weights.text * cosine(target.vector, candidate.vector) +
    weights.sameWork * (target.workId !== null && target.workId === candidate.workId ? 1 : 0) +
    weights.people * sharedPeople(target, candidate) +
    weights.mentions * mentions(target, candidate) +
    weights.author * (shared ? 1 : 0) +
    weights.section * (target.sectionId !== null && target.sectionId === candidate.sectionId ? 1 : 0) +
    weights.tags * jaccard(target.tagIds, candidate.tagIds) +
    weights.recency * Math.exp(-ageDays / RECENCY_DAYS)
  );
}

/** The best candidates for `target`, never itself, highest score first (newer first on ties). */
export function rank(target: Features, candidates: Features[], now: number, limit: number): Array<{ id: number; score: number }> {
  return candidates
    .filter((c) => c.id !== target.id)
    .map((c) => ({ id: c.id, score: score(target, c, now), publishedAt: c.publishedAt }))
    .sort((x, y) => y.score - x.score || (x.publishedAt < y.publishedAt ? 1 : -1) || y.id - x.id)
    .slice(0, limit)
    .map(({ id, score: s }) => ({ id, score: s }));
}
