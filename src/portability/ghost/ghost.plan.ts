import type { ImportReport } from '../import-report.js';
import { freeSlug, oneLine, slugFor } from '../wordpress/names.js';
import { digest, type Existing } from '../wordpress/plan.js';

export type { Existing };
import { finishDigest, type GhostPostHead } from './ghost.post-head.js';
import type { GhostExport, GhostTag, GhostUser } from './ghost.reader.js';

export type Action = 'create' | 'update' | 'keep' | 'reuse' | 'skip';

export interface ItemPlan<T> {
  item: T;
  /** Ghost's slug, and the one here. */
  ghostSlug: string;
  slug: string;
  action: Action;
  targetId?: number;
  hash: string;
}

export type PostPlan = ItemPlan<GhostPostHead> & { type: 'post' | 'page'; tagIds: string[]; authorIds: string[] };

export interface GhostPlans {
  authors: Map<string, ItemPlan<GhostUser>>;
  tags: Map<string, ItemPlan<GhostTag> & { isSection: boolean }>;
  posts: Map<string, PostPlan>;
}

/** Tags Ghost keeps for staff (`#internal`): brought in as internal tags, never shown to readers here either. */
export function isInternal(tag: GhostTag): boolean {
  return tag.visibility === 'internal' || tag.name.trim().startsWith('#');
}

/** Decides what every author, tag, post and page becomes: made, updated, left alone or skipped, and its slug. */
export function planImport(file: GhostExport, existing: Existing, update: boolean, report: ImportReport): GhostPlans {
  const { data } = file;
  const before = (kind: string) => new Map(existing.imported.filter((i) => i.kind === kind).map((i) => [i.externalId, i]));
  const ordered = <L extends { post_id: string; sort_order: number }>(links: L[]) => {
    const byPost = new Map<string, L[]>();
    for (const link of links) byPost.set(link.post_id, [...(byPost.get(link.post_id) ?? []), link]);
    for (const list of byPost.values()) list.sort((a, b) => a.sort_order - b.sort_order);
    return byPost;
  };
  const tagsById = new Map(data.tags.map((t) => [t.id, t]));
  const postTags = ordered(data.posts_tags);
  const postAuthors = ordered(data.posts_authors);
  const usersById = new Map(data.users.map((u) => [u.id, u]));

  const posts: GhostPlans['posts'] = new Map();
  const primaries = new Set<string>();
  const writers = new Set<string>();
  let repeated = 0;
  for (const post of data.posts) {
    if (posts.has(post.id)) {
      repeated += 1;
      continue;
    }
    // The ids as the tags and users hold them, not the copies in each link, which are let go after planning.
    const tagIds = [...new Set((postTags.get(post.id) ?? []).map((l) => tagsById.get(l.tag_id)?.id))].filter((id) => id !== undefined);
    let authorIds = [...new Set((postAuthors.get(post.id) ?? []).map((l) => usersById.get(l.author_id)?.id))].filter((id) => id !== undefined);
    if (authorIds.length === 0) authorIds = [(usersById.get(post.author_id) ?? data.users[0])?.id].filter((id) => id !== undefined);
    // As in Ghost, the primary tag is the first public one.
    const primary = tagIds.find((id) => !isInternal(tagsById.get(id)!));
    if (primary) primaries.add(primary);
    for (const id of authorIds) writers.add(id);
    posts.set(post.id, { item: post, type: post.type, ghostSlug: post.slug, slug: '', action: 'create', hash: '', tagIds, authorIds });
  }

  if (repeated > 0) {
    report.count('post', 'skipped', repeated);
    report.note('skipped', `${repeated} post${repeated === 1 ? '' : 's'} repeating the id of an earlier one`, 'the export holds them twice; the first of each was taken');
  }

  const authors: GhostPlans['authors'] = new Map();
  const authorSlugs = new Map(existing.authors.map((a) => [a.slug, a]));
  const authorIds = new Set(existing.authors.map((a) => a.id));
  const claimedAuthors = new Set(authorSlugs.keys());
  let unused = 0;
  for (const [n, user] of data.users.entries()) {
    if (!writers.has(user.id)) {
      unused += 1;
      continue;
    }
    const hash = digest(user);
    const earlier = before('author').get(user.id);
    const current = earlier && authorIds.has(earlier.targetId) ? existing.authors.find((a) => a.id === earlier.targetId) : undefined;
    if (current) {
      authors.set(user.id, { item: user, ghostSlug: user.slug, slug: current.slug, action: update && earlier!.sourceHash !== hash ? 'update' : 'keep', targetId: current.id, hash });
      continue;
    }
    const wanted = slugFor(user.slug, user.name, `author-${n + 1}`);
    const same = authorSlugs.get(wanted);
    if (same) {
      report.note('doubtful', `author "${oneLine(user.name, 80)}"`, `taken as the author "${same.name}" who was already here with the slug "${wanted}"`);
      authors.set(user.id, { item: user, ghostSlug: user.slug, slug: wanted, action: 'reuse', targetId: same.id, hash });
      continue;
    }
    const slug = freeSlug(wanted, claimedAuthors);
    claimedAuthors.add(slug);
    authors.set(user.id, { item: user, ghostSlug: user.slug, slug, action: 'create', hash });
  }
  if (unused > 0) report.fact(`staff users without posts, not imported: ${unused} (invite people from the admin)`);

  const tags: GhostPlans['tags'] = new Map();
  const tagSlugs = new Map(existing.tags.map((t) => [t.slug, t]));
  const tagIds = new Set(existing.tags.map((t) => t.id));
  const claimedTags = new Set(tagSlugs.keys());
  for (const [n, tag] of data.tags.entries()) {
    const isSection = primaries.has(tag.id);
    const hash = digest({ tag, isSection });
    const earlier = before('tag').get(tag.id);
    const current = earlier && tagIds.has(earlier.targetId) ? existing.tags.find((t) => t.id === earlier.targetId) : undefined;
    if (current) {
      tags.set(tag.id, { item: tag, ghostSlug: tag.slug, slug: current.slug, action: update && earlier!.sourceHash !== hash ? 'update' : 'keep', targetId: current.id, hash, isSection });
      continue;
    }
    const wanted = slugFor(tag.slug, tag.name, `tag-${n + 1}`);
    const same = tagSlugs.get(wanted);
    if (same) {
      report.note('doubtful', `tag "${oneLine(tag.name, 80)}"`, `joined the ${same.isSection ? 'section' : 'tag'} "${same.name}" that was already here at /tag/${wanted}/`);
      tags.set(tag.id, { item: tag, ghostSlug: tag.slug, slug: wanted, action: 'reuse', targetId: same.id, hash, isSection });
      continue;
    }
    const slug = freeSlug(wanted, claimedTags);
    claimedTags.add(slug);
    tags.set(tag.id, { item: tag, ghostSlug: tag.slug, slug, action: 'create', hash, isSection });
  }

  const claimed = new Set(existing.takenSlugs);
  const metaByPost = new Map(data.posts_meta.map((m) => [m.post_id, m]));
  const postsBefore = before('post');
  for (const plan of posts.values()) {
    const { item } = plan;
    plan.hash = finishDigest(item, metaByPost.get(item.id) ?? null, plan.tagIds, plan.authorIds);
    const label = postLabel(plan);
    const earlier = postsBefore.get(item.id);
    if (earlier && existing.posts.has(earlier.targetId)) {
      Object.assign(plan, { slug: existing.posts.get(earlier.targetId)!, targetId: earlier.targetId, action: update && earlier.sourceHash !== plan.hash ? 'update' : 'keep' });
      continue;
    }
    if (earlier && !update) {
      report.note('skipped', label, 'was imported before and deleted here since; run with --update to bring it back');
      plan.action = 'skip';
      continue;
    }
    const wanted = slugFor(item.slug, item.title, `${plan.type}-${item.id.slice(-8)}`);
    plan.slug = freeSlug(wanted, claimed, true);
    claimed.add(plan.slug);
    if (plan.slug !== item.slug) report.note('changed', label, `its address /${item.slug}/ cannot be used here; it is at /${plan.slug}/ now (its old address leads there)`);
  }
  return { authors, tags, posts };
}

export function postLabel(plan: { type: string; item: Pick<GhostPostHead, 'title'> }): string {
  return `${plan.type} "${oneLine(plan.item.title, 80) || '(no title)'}"`;
}
