import { randomBytes } from 'node:crypto';
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
// mark instead; followSplice cuts such a page at its marks once, and fillFollowForms puts each member's own form in their place as the page is sent.
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

/** Stands for the reader's CSRF token in forms made ahead; letters and digits only, so escaping keeps it whole. */
const CSRF_SLOT = `csrfslot${randomBytes(12).toString('hex')}`;

/** One follow form of a kept page, made ahead in each state: member forms split where the CSRF token goes. */
interface FormSlot {
  key: string;
  following: Buffer[];
  notFollowing: Buffer[];
  email: Buffer;
}

/** A kept page cut at its follow forms, as bytes ready to send: `texts` surround the forms (one more text than forms). */
export interface FollowSplice {
  texts: Buffer[];
  forms: FormSlot[];
}

/** Cuts a kept page at its follow-form marks and makes every form ahead, once a page. */
export function followSplice(body: string, context: { theme: Theme; site: SiteSettings }): FollowSplice {
  const texts: Buffer[] = [];
  const forms: FormSlot[] = [];
  let from = 0;
  for (const mark of body.matchAll(MARK)) {
    texts.push(Buffer.from(body.slice(from, mark.index)));
    from = mark.index + mark[0].length;
    const target: FollowFormTarget = { kind: mark[1] as FollowKind, id: Number(mark[2]), name: decode(mark[3]!), back: decode(mark[4]!) };
    const member = (following: boolean) =>
      render(context.theme, context.site, target, { mode: 'member', following, csrf: CSRF_SLOT })
        .split(CSRF_SLOT)
        .map((part) => Buffer.from(part));
    forms.push({ key: `${target.kind}:${target.id}`, following: member(true), notFollowing: member(false), email: Buffer.from(render(context.theme, context.site, target, { mode: 'email' })) });
  }
  texts.push(Buffer.from(body.slice(from)));
  return { texts, forms };
}

/**
 * A kept page with each follow form made for the reader who asked: the signed-in member's own
 * button (with their CSRF token and whether they follow), or the email field for anyone else.
 */
export function fillFollowForms(splice: FollowSplice, reader: { followed: Set<string>; csrf: string } | null): Buffer {
  // CSRF tokens are base64url: nothing in them needs escaping in an attribute.
  const csrf = reader === null ? undefined : Buffer.from(reader.csrf);
  const parts: Buffer[] = [splice.texts[0]!];
  for (let i = 0; i < splice.forms.length; i++) {
    const form = splice.forms[i]!;
    if (reader === null) parts.push(form.email);
    else {
      const pieces = reader.followed.has(form.key) ? form.following : form.notFollowing;
      parts.push(pieces[0]!);
      for (let at = 1; at < pieces.length; at++) parts.push(csrf!, pieces[at]!);
    }
    parts.push(splice.texts[i + 1]!);
  }
  return Buffer.concat(parts);
}
