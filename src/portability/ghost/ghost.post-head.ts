import { createHash, type Hash } from 'node:crypto';
import { convertGhostHtml } from './ghost.body.js';
import { ghostImagePath } from './ghost.images.js';
import type { GhostPost } from './ghost.reader.js';
import { ghostHtml } from './ghost.source.js';

/**
 * What the import keeps of a post while it plans and until it is written: what planning, the
 * images and the report need, never its body, excerpt or other fields (the post is read again,
 * whole, when it is written).
 */
export interface GhostPostHead extends Pick<GhostPost, 'id' | 'slug' | 'title' | 'author_id' | 'feature_image'> {
  type: 'post' | 'page';
  /** The addresses of the old site's images its body shows, in order. */
  bodyImages: string[];
  /** Whether it carried code injection (which is not kept). */
  injected: boolean;
  /** Whether Ghost sent it by email. */
  sent: boolean;
  /** The digest of the whole post, begun; `finishDigest` completes it once its meta, tags and authors are known, and lets it go. */
  digest: Hash | null;
}

/** The head of a post: its body is converted here only to find its images, then dropped. */
export function postHead(post: GhostPost): GhostPostHead {
  const bodyImages: string[] = [];
  convertGhostHtml(ghostHtml(post).html, {
    image: (address) => {
      // A copy: the address as found is a slice of the whole body, which it would keep in memory.
      if (ghostImagePath(address)) bodyImages.push(Buffer.from(address).toString());
      return null;
    },
    link: () => null,
  });
  // The digest is the one of `{item, meta, tags, authors}` as JSON, so earlier runs' records still match.
  const digest = createHash('sha256').update(`{"item":${JSON.stringify(post)},"meta":`);
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    type: post.type === 'page' || post.page ? 'page' : 'post',
    author_id: post.author_id,
    feature_image: post.feature_image,
    bodyImages,
    injected: Boolean(post.codeinjection_head.trim() || post.codeinjection_foot.trim()),
    sent: Boolean(post.newsletter_id),
    digest,
  };
}

/** The post's digest, with what the other tables say of it. */
export function finishDigest(head: GhostPostHead, meta: unknown, tags: string[], authors: string[]): string {
  if (!head.digest) throw new Error(`the digest of post ${head.id} was finished before`);
  const digest = head.digest.update(`${JSON.stringify(meta)},"tags":${JSON.stringify(tags)},"authors":${JSON.stringify(authors)}}`).digest('base64url');
  head.digest = null;
  return digest;
}
