import type { Post, Visibility } from './post.types.js';

/**
 * Who is reading. Set on each request by the HTTP layer (members/ fills in signed-in readers,
 * staff sessions count as staff); domain code only asks `canRead`.
 */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'member'; paid: boolean }
  | { kind: 'staff' };

export const anonymous: Viewer = Object.freeze({ kind: 'anonymous' });

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
