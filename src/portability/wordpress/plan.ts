import { createHash } from 'node:crypto';
import type { Author, Tag } from '../../content/index.js';
import type { ImportedItem } from '../imported-item.repository.js';
import type { ImportReport } from '../import-report.js';
import { decodeEntities, plainText } from './html.js';
import { decode, freeSlug, oneLine, slugFor } from './names.js';
import type { Entry, ExportIndex } from './scan.js';
import type { WxrAuthor, WxrTerm } from './wxr.types.js';

/** What happens to one thing of the export: made, brought up to date, left as it is here, or not taken. */
export type Action = 'create' | 'update' | 'keep' | 'skip';

export interface AuthorPlan {
  login: string;
  slug: string;
  input: { name: string; slug: string; bio: string };
  action: Action | 'reuse';
  targetId?: number;
  hash: string;
  /** WordPress's user id, for `?author=ID`. */
  wordpressId: string;
}

export interface TermPlan {
  /** `category:slug` or `post_tag:slug`, as WordPress knows it. */
  key: string;
  term: WxrTerm;
  slug: string;
  input: { name: string; slug: string; description: string; isSection: boolean };
  action: Action | 'reuse';
  targetId?: number;
  hash: string;
  /** Other WordPress terms that became this same tag (a category and a tag of the same slug). */
  also: WxrTerm[];
}

export interface PostPlan {
  entry: Entry;
  action: Action;
  slug: string;
  targetId?: number;
}

/** What is here already: earlier imports of this source, and the site's own content. */
export interface Existing {
  imported: ImportedItem[];
  tags: Tag[];
  authors: Author[];
  /** Posts by id that still exist, with their slugs. */
  posts: Map<number, string>;
  takenSlugs: Set<string>;
}

export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

function mapped(existing: Existing, kind: string): Map<string, ImportedItem> {
  return new Map(existing.imported.filter((i) => i.kind === kind).map((i) => [i.externalId, i]));
}

export function planAuthors(index: ExportIndex, existing: Existing, update: boolean, report: ImportReport): Map<string, AuthorPlan> {
  const before = mapped(existing, 'author');
  const bySlug = new Map(existing.authors.map((a) => [a.slug, a]));
  const ids = new Set(existing.authors.map((a) => a.id));
  const claimed = new Set<string>();
  const plans = new Map<string, AuthorPlan>();
  const logins = [...index.authors.keys(), ...[...index.creators].filter((c) => !index.authors.has(c))];
  // An export that names no author at all still needs one for its posts: the site itself.
  if (logins.length === 0) logins.push('');
  for (const [n, login] of logins.entries()) {
    const author: WxrAuthor = index.authors.get(login) ?? { id: '', login, email: '', displayName: '', firstName: '', lastName: '', description: '' };
    const name = oneLine(decodeEntities(author.displayName) || `${author.firstName} ${author.lastName}`.trim() || login || index.site.title, 120) || 'Editorial';
    const bio = plainText(author.description).slice(0, 5000);
    const hash = digest([name, bio]);
    const known = before.get(login);
    const base = { login, hash, wordpressId: author.id };
    if (known && ids.has(known.targetId)) {
      const slug = existing.authors.find((a) => a.id === known.targetId)!.slug;
      const action = update && known.sourceHash !== hash ? 'update' : 'keep';
      plans.set(login, { ...base, slug, input: { name, slug, bio }, action, targetId: known.targetId });
      continue;
    }
    const slug = slugFor(login, name, `author-${n + 1}`);
    const same = bySlug.get(slug);
    if (same) {
      report.note('doubtful', `author ${login}`, `taken as the author "${same.name}" who was already here with the slug "${slug}"`);
      plans.set(login, { ...base, slug, input: { name, slug, bio }, action: 'reuse', targetId: same.id });
      continue;
    }
    const free = freeSlug(slug, claimed);
    claimed.add(free);
    plans.set(login, { ...base, slug: free, input: { name, slug: free, bio }, action: 'create' });
  }
  return plans;
}

/** Categories become sections (nested ones too, with their parents), tags stay tags; WordPress's default "Uncategorized" becomes a tag. */
export function planTerms(index: ExportIndex, existing: Existing, update: boolean, report: ImportReport): Map<string, TermPlan> {
  const declared = index.terms.filter((t) => t.taxonomy === 'category' || t.taxonomy === 'post_tag');
  const known = new Set(declared.map((t) => `${t.taxonomy}:${t.slug}`));
  const used = [...index.usedTerms.values()].filter((t) => !known.has(`${t.taxonomy}:${t.slug || t.name}`) && !known.has(`${t.taxonomy}:${t.slug}`));
  const before = mapped(existing, 'term');
  const bySlug = new Map(existing.tags.map((t) => [t.slug, t]));
  const ids = new Set(existing.tags.map((t) => t.id));
  const plans = new Map<string, TermPlan>();
  const byNewSlug = new Map<string, TermPlan>();
  // Categories first, so a tag that shares a category's slug joins the section.
  const terms = [...declared, ...used].sort((a, b) => (a.taxonomy === b.taxonomy ? 0 : a.taxonomy === 'category' ? -1 : 1));
  for (const [n, term] of terms.entries()) {
    const key = `${term.taxonomy}:${term.slug || term.name}`;
    if (plans.has(key)) continue;
    const isCategory = term.taxonomy === 'category';
    const name = oneLine(decodeEntities(term.name), 120) || term.slug || `Term ${n + 1}`;
    const slug = slugFor(term.slug || term.name, name, `${isCategory ? 'section' : 'tag'}-${term.id || n + 1}`);
    const input = { name, slug, description: plainText(term.description).slice(0, 2000), isSection: isCategory && slug !== 'uncategorized' };
    const hash = digest(input);
    const earlier = before.get(key);
    const current = earlier && ids.has(earlier.targetId) ? existing.tags.find((t) => t.id === earlier.targetId) : undefined;
    const twin = byNewSlug.get(current?.slug ?? slug);
    if (twin) {
      twin.also.push(term);
      plans.set(key, twin);
      if (current) continue;
      report.note(
        'changed',
        `${isCategory ? 'category' : 'tag'} "${name}"`,
        `shares the address /tag/${slug}/ with the ${twin.term.taxonomy === 'category' ? 'section' : 'tag'} "${twin.input.name}"; both are that one ${twin.input.isSection ? 'section' : 'tag'} now`,
      );
      continue;
    }
    if (current) {
      const action = update && earlier!.sourceHash !== hash ? 'update' : 'keep';
      const plan: TermPlan = { key, term, slug: current.slug, input: { ...input, slug: current.slug }, action, targetId: current.id, hash, also: [] };
      plans.set(key, plan);
      byNewSlug.set(current.slug, plan);
      continue;
    }
    const same = bySlug.get(slug);
    const plan: TermPlan = same ? { key, term, slug, input, action: 'reuse', targetId: same.id, hash, also: [] } : { key, term, slug, input, action: 'create', hash, also: [] };
    if (same) report.note('doubtful', `${isCategory ? 'category' : 'tag'} "${name}"`, `joined the ${same.isSection ? 'section' : 'tag'} "${same.name}" that was already here at /tag/${slug}/`);
    if (!same && term.slug === 'uncategorized' && isCategory) {
      report.note('changed', 'category "Uncategorized"', 'WordPress gives it to posts without a category; it became a tag, not a section');
    }
    plans.set(key, plan);
    byNewSlug.set(slug, plan);
  }
  return plans;
}

/** Decides for every post and page whether it is made, updated, left alone or skipped, and its slug. */
export function planPosts(index: ExportIndex, existing: Existing, update: boolean, report: ImportReport): Map<string, PostPlan> {
  const before = mapped(existing, 'post');
  const claimed = new Set(existing.takenSlugs);
  const plans = new Map<string, PostPlan>();
  for (const entry of index.entries) {
    const label = `${entry.type} ${entry.id} "${entry.title || '(no title)'}"`;
    const earlier = before.get(entry.id);
    if (earlier && existing.posts.has(earlier.targetId)) {
      const action = update && earlier.sourceHash !== entry.fingerprint ? 'update' : 'keep';
      plans.set(entry.id, { entry, action, slug: existing.posts.get(earlier.targetId)!, targetId: earlier.targetId });
      continue;
    }
    if (earlier && !update) {
      report.note('skipped', label, 'was imported before and deleted here since; run with --update to bring it back');
      plans.set(entry.id, { entry, action: 'skip', slug: '' });
      continue;
    }
    const lastSegment = entry.link.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop() ?? '';
    const wanted = slugFor(entry.name || (entry.link.includes('?') ? '' : lastSegment), entry.title, `${entry.type}-${entry.id}`);
    const slug = freeSlug(wanted, claimed, true);
    claimed.add(slug);
    if (slug !== wanted) {
      const why = existing.takenSlugs.has(wanted) ? 'is taken by a piece already here' : claimed.has(wanted) ? 'is used by another item of the export' : "is one of Masthead's own addresses";
      report.note('changed', label, `its address /${wanted}/ ${why}; it is at /${slug}/ now (its old address leads there)`);
    } else if (entry.name && slug !== decode(entry.name).toLowerCase()) {
      report.note('changed', label, `its slug "${decode(entry.name)}" cannot be a Masthead address; it is at /${slug}/ now (its old address leads there)`);
    }
    plans.set(entry.id, { entry, action: 'create', slug });
  }
  return plans;
}
