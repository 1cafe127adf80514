import { createHash, type Hash } from 'node:crypto';
import { convertGhostHtml } from './ghost.body.js';
import { ghostImagePath } from './ghost.images.js';
import type { GhostPost } from './ghost.reader.js';
import { ghostHtml } from './ghost.source.js';

/** The fields of a post that can be long: read again from the file when the post is written. */
type LongField = 'html' | 'lexical' | 'mobiledoc' | 'codeinjection_head' | 'codeinjection_foot';

/** What the import keeps of a post while it plans: everything but its long fields, and what it needs of them. */
export interface GhostPostHead extends Omit<GhostPost, LongField> {
  /** The addresses of the old site's images its body shows, in order. */
  bodyImages: string[];
  /** Whether it carried code injection (which is not kept). */
  injected: boolean;
  /** The digest of the whole post, begun; `finishDigest` completes it once its meta, tags and authors are known. */
  digest: Hash;
}

/** A post without its long fields, which are dropped here and read again when it is written. */
export function postHead(post: GhostPost): GhostPostHead {
  const { html: _html, lexical: _lexical, mobiledoc: _mobiledoc, codeinjection_head: head, codeinjection_foot: foot, ...rest } = post;
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
  return { ...rest, bodyImages, injected: Boolean(head.trim() || foot.trim()), digest };
}

/** The post's digest, with what the other tables say of it. */
export function finishDigest(head: GhostPostHead, meta: unknown, tags: string[], authors: string[]): string {
  return head.digest.update(`${JSON.stringify(meta)},"tags":${JSON.stringify(tags)},"authors":${JSON.stringify(authors)}}`).digest('base64url');
}
