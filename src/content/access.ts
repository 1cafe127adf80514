import type { Post, Visibility } from './post.types.js';

/**
 * Who is reading. Set on each request by the HTTP layer (members/ fills in signed-in readers,
 * staff sessions count as staff); domain code only asks `canRead`.
 */
export type Viewer = { kind: 'anonymous' } | { kind: 'member'; paid: boolean } | { kind: 'staff' };

export const anonymous: Viewer = Object.freeze({ kind: 'anonymous' });

/**
 * Readers who may read the same pieces: a page made for one reader of a level shows nothing that
 * another reader of that level may not see, so it can be kept and given to all of them.
 */
export type AccessLevel = 'anonymous' | 'member' | 'paid' | 'staff';

const levelViewers: Record<AccessLevel, Viewer> = {
  anonymous,
  member: Object.freeze({ kind: 'member', paid: false }),
  paid: Object.freeze({ kind: 'member', paid: true }),
  staff: Object.freeze({ kind: 'staff' }),
};

export function accessLevel(viewer: Viewer): AccessLevel {
  switch (viewer.kind) {
    case 'anonymous':
    case 'staff':
      return viewer.kind;
    case 'member':
      return viewer.paid ? 'paid' : 'member';
  }
}

/**
 * The one viewer that stands for every reader of a level. Pages shared by a level are made for
 * it, never for the reader who asked, so nothing of one member can reach another.
 */
export function levelViewer(level: AccessLevel): Viewer {
  return levelViewers[level];
}

/** Whether a viewer may read a piece of the given visibility in full. */
export function canRead(visibility: Visibility, viewer: Viewer): boolean {
  switch (visibility) {
    case 'public':
      return true;
    case 'members':
      return viewer.kind !== 'anonymous';
    case 'paid':
      return viewer.kind === 'staff' || (viewer.kind === 'member' && viewer.paid);
  }
}

/**
 * The post as this viewer may see it: gated pieces lose their body (html, plaintext, source);
 * title, excerpt, byline, image and review facts stay, so pages, feeds, search and emails can
 * show a teaser and a call to sign up. Everything that shows content to readers goes through here.
 */
export function forViewer(post: Post, viewer: Viewer): Post & { gated: boolean } {
  if (canRead(post.visibility, viewer)) return { ...post, gated: false };
  return { ...post, html: '', plaintext: '', body: '', gated: true };
}
