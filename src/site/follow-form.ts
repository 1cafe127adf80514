import type { Viewer } from '../content/index.js';
import type { Follow, FollowKind } from '../follows/index.js';
import type { SiteSettings } from '../settings/index.js';
import type { Theme } from './theme.js';

/** What a follow form follows, and where the reader goes back to after following. */
export interface FollowFormTarget {
  kind: FollowKind;
  id: number;
  name: string;
  /** The page the form is on (a path on this site). */
  back: string;
}

/** How the form shows: an email field, or one button for a signed-in member (following or not). */
type FollowFormState = { mode: 'email' } | { mode: 'member'; following: boolean; csrf: string };

const paths: Record<FollowKind, string> = { tag: 'tag', author: 'author', person: 'people', work: 'works' };

/** The reader's follows as their lists show them: each with the address of what it follows. */
export function listedFollows(follows: Follow[]): Array<Follow & { path: string }> {
  return follows.map((f) => ({ ...f, path: `/${paths[f.target.kind]}/${f.target.slug}/` }));
}

// A member's form depends on who they are, so pages kept for all members of a level hold this
// mark instead; personalFollowForms puts each member's own form in its place as the page is sent.
const MARK = /<!--masthead-follow ([a-z]+) (\d+) ([A-Za-z0-9_-]*) ([A-Za-z0-9_-]*)-->/g;
const encode = (text: string) => Buffer.from(text).toString('base64url');
const decode = (text: string) => Buffer.from(text, 'base64url').toString();

function render(theme: Theme, site: SiteSettings, target: FollowFormTarget, state: FollowFormState): string {
  return theme.render('partials/follow', { site, follow: { ...target, ...state } });
}

/**
 * The follow form for a section, author, person or work, for any page to show. Readers who are
 * not signed in as members get an email field (following waits for an emailed link); members get
 * one button, which says whether they already follow.
 */
export function followForm(deps: { theme: Theme }, site: SiteSettings, target: FollowFormTarget, viewer: Viewer): string {
  if (viewer.kind === 'member') return `<!--masthead-follow ${target.kind} ${target.id} ${encode(target.name)} ${encode(target.back)}-->`;
  return render(deps.theme, site, target, { mode: 'email' });
}

/** Whether a kept page holds member follow forms still to be filled in. */
export function hasFollowForms(body: { includes(text: string): boolean }): boolean {
  return body.includes('<!--masthead-follow ');
}

/**
 * A kept page with each follow form made for the reader who asked: the signed-in member's own
 * button (with their CSRF token and whether they follow), or the email field for anyone else.
 */
export async function personalFollowForms(
  body: string,
  context: { theme: Theme; site: SiteSettings; memberId: number | null; csrf: () => string; following: (memberId: number, targets: string[]) => Promise<Set<string>> },
): Promise<string> {
  const marks = [...body.matchAll(MARK)];
  const targets = marks.map((m) => `${m[1]}:${m[2]}`);
  const followed = context.memberId === null ? new Set<string>() : await context.following(context.memberId, targets);
  const csrf = context.memberId === null ? '' : context.csrf();
  let index = 0;
  return body.replace(MARK, (_whole, kind: string, id: string, name: string, back: string) => {
    const key = targets[index++]!;
    const target: FollowFormTarget = { kind: kind as FollowKind, id: Number(id), name: decode(name), back: decode(back) };
    const state: FollowFormState = context.memberId === null ? { mode: 'email' } : { mode: 'member', following: followed.has(key), csrf };
    return render(context.theme, context.site, target, state);
  });
}
