/**
 * Text features for "You may also like": words with stop words removed and plurals folded, and
 * TF-IDF vectors compared by cosine similarity. Pure functions, the same on both databases.
 */

const STOP_WORDS = new Set(
  `about above after again against also among and another any are around because been before being below between both but
  can cannot could did does doing down during each even ever every few for from further had has have having her here hers
  herself him himself his how however into its itself just like made make makes many may might more most much must never
  not now off once one only other ought our ours ourselves out over own same says said she should since some still such than
  that the their theirs them themselves then there these they this those through too under until upon very was were what
  when where which while who whom whose why will with within without would yet you your yours yourself yourselves it's
  also almost always anything something nothing everything thing things way ways well back first two three new time times
  year years day days get gets got going goes know knows knew want wants see sees seen saw take takes took come comes came
  really quite rather enough often again ago yes let lets our off per via i'm don't isn't can't won't`.split(/\s+/),
);

/** Folds the most common English plural and possessive endings so "films" and "film's" meet "film". */
export function stem(word: string): string {
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Words of a text as lower-case, accent-free terms of three letters or more, without stop words. */
export function terms(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'");
  const out: string[] = [];
  for (const word of plain.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []) {
    if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}

export type TermCounts = Map<string, number>;

/** Weighted term counts of several fields (a title word counts more than a body word). */
export function countTerms(fields: Array<{ text: string; weight: number }>): TermCounts {
  const counts: TermCounts = new Map();
  for (const { text, weight } of fields) for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + weight);
  return counts;
}

/** Inverse document frequencies over a set of documents, smoothed so unseen terms stay finite. */
export function inverseFrequencies(documents: TermCounts[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  return (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
}

/** A unit-length TF-IDF vector: sublinear term frequency (1 + ln tf) times idf. */
export function tfidf(counts: TermCounts, idf: (term: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, tf] of counts) {
    const weight = (1 + Math.log(tf)) * idf(term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/** The terms a document is most about: highest weight first. */
export function topTerms(vector: Map<string, number>, count: number): string[] {
  return [...vector.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, count)
    .map(([term]) => term);
}
