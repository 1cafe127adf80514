import type { Post } from './post.types.js';

/** What changed, so caches, search and recommendations can follow. Sent after the change commits. */
export interface ContentChange {
  /** `comments`: what the post `id` shows under it (its comments, their count) changed; the post itself did not. */
  kind: 'post' | 'tag' | 'author' | 'settings' | 'comments';
  id?: number;
  /** Slugs the change touched, old and new (a renamed post answers at both until caches refresh). */
  slugs: string[];
  /** For a post or page: its status before and after (null when it did not exist, or no longer does). */
  status?: { before: string | null; after: string | null };
  /** For a post or page: as the change left it (a deleted one: as it last was). */
  post?: Post;
}

export type ContentListener = (change: ContentChange) => void;

export class ContentEvents {
  private readonly listeners = new Set<ContentListener>();

  on(listener: ContentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ContentChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
