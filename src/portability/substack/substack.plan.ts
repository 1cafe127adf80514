import { MAX_BODY_CHARS, type PostInput } from '../../content/index.js';
import type { ImportedItem } from '../imported-item.repository.js';
import type { ImportReport } from '../import-report.js';
import { plainText } from '../wordpress/html.js';
import { freeSlug, oneLine, slugFor } from '../wordpress/names.js';
import { digest, type Action } from '../wordpress/plan.js';
import type { SubstackArchive } from './archive.js';
import { cleanBody } from './body.js';
import type { SubstackPost } from './posts-csv.js';

/** Kinds of Substack post that are articles; the others (podcast, thread, video …) are reported, not imported. */
const ARTICLE_TYPES = new Set(['newsletter', '']);
/** Audiences that paid for the post; everyone else (everyone, only_free) reads it freely here. */
const PAID_AUDIENCES = new Set(['only_paid', 'founding']);

export interface PostPlan {
  post: SubstackPost;
  action: Action;
  slug: string;
  /** The body, cleaned by the sanitizer (images still at their Substack addresses). */
  body: string;
  hash: string;
  label: string;
  targetId?: number;
  /** The digest of the post as the last run wrote it, to tell whether it was edited here since. */
  writtenHash?: string;
}

/** What is here already: earlier imports of this export, and the site's own posts. */
export interface Existing {
  imported: ImportedItem[];
  /** Posts by id that still exist, with their slugs. */
  posts: Map<number, string>;
  takenSlugs: Set<string>;
}

/**
 * Decides for every row of posts.csv: made, brought up to date, left as it is, or not taken (and
 * why). Posts come back in the order of the file; what is not taken is counted in skipped kinds.
 */
export function planPosts(posts: SubstackPost[], archive: SubstackArchive, existing: Existing, update: boolean, report: ImportReport): { plans: PostPlan[]; skippedTypes: Map<string, number> } {
  const before = new Map(existing.imported.filter((i) => i.kind === 'post').map((i) => [i.externalId, i]));
  const claimed = new Set(existing.takenSlugs);
  const seen = new Set<string>();
  const skippedTypes = new Map<string, number>();
  const plans: PostPlan[] = [];
  for (const post of posts) {
    const label = `post ${post.postId || `(line ${post.line})`} "${oneLine(post.title, 60) || '(no title)'}"`;
    if (!post.id || seen.has(post.id)) {
      report.count('post', 'skipped');
      report.note('skipped', label, post.id ? 'the export lists this post twice; the first was taken' : 'it has no post_id');
      continue;
    }
    seen.add(post.id);
    if (!ARTICLE_TYPES.has(post.type)) {
      skippedTypes.set(post.type, (skippedTypes.get(post.type) ?? 0) + 1);
      continue;
    }
    const raw = archive.bodies.get(post.postId);
    const body = raw ? cleanBody(new TextDecoder('utf-8').decode(raw)) : '';
    if (!raw) report.note('doubtful', label, `its body (posts/${post.postId}.html) is not in the export; it was imported without one`);
    if (body.length > MAX_BODY_CHARS) {
      report.count('post', 'skipped');
      report.note('skipped', label, `its body is ${body.length.toLocaleString('en')} characters long; at most ${MAX_BODY_CHARS.toLocaleString('en')} fit in a post`);
      continue;
    }
    const hash = digest([post.title, post.subtitle, post.date, post.published, post.audience, body]);
    const known = before.get(post.id);
    const knownSlug = known ? existing.posts.get(known.targetId) : undefined;
    if (known && knownSlug !== undefined) {
      const action = update && known.sourceHash !== hash ? 'update' : 'keep';
      plans.push({ post, action, slug: knownSlug, body, hash, label, targetId: known.targetId, writtenHash: known.targetHash });
      continue;
    }
    const wanted = slugFor(post.slug, post.title, `post-${post.id}`);
    const slug = freeSlug(wanted, claimed, true);
    claimed.add(slug);
    if (post.slug && slug !== post.slug) {
      report.note('changed', label, `its Substack address /p/${post.slug} leads to /${slug}/ here (the slug "${wanted}" was taken or cannot be a Masthead address)`);
    }
    plans.push({ post, action: 'create', slug, body, hash, label });
  }
  return { plans, skippedTypes };
}

/**
 * The Masthead post for a Substack one. Published posts stay published at their date (scheduled
 * when that date is still to come), drafts stay drafts; posts for paying subscribers (only_paid,
 * founding) are for paying members here, the rest are public; the subtitle is the excerpt.
 */
export function postInputOf(plan: PostPlan, body: string, authorSlug: string, now: string, note: (reason: string) => void): PostInput {
  const { post } = plan;
  const date = Number.isFinite(Date.parse(post.date)) ? new Date(post.date).toISOString() : null;
  let status: PostInput['status'] = 'draft';
  let publishedAt = date ?? undefined;
  if (post.published) {
    publishedAt = date ?? now;
    if (!date) note('it had no readable post_date; it is dated the day of the import');
    status = publishedAt > now ? 'scheduled' : 'published';
  }
  let title = oneLine(plainText(post.title), 300);
  if (!title) {
    title = oneLine(plan.slug.replace(/-/g, ' '), 80) || 'Untitled';
    note(`it had no title; it is titled "${title}" from its address`);
  }
  const excerpt = plainText(post.subtitle);
  if (excerpt.length > 1000) note('its subtitle was longer than 1,000 characters and was cut');
  return {
    type: 'post',
    title,
    slug: plan.slug,
    excerpt: excerpt.length > 1000 ? oneLine(excerpt, 1000) : excerpt,
    body,
    bodyFormat: 'html',
    format: 'article',
    status,
    visibility: PAID_AUDIENCES.has(post.audience) ? 'paid' : 'public',
    featured: false,
    ...(publishedAt ? { publishedAt } : {}),
    tags: [],
    authors: [authorSlug],
    contentNotes: [],
  };
}
