import { anonymous, canRead, forViewer, type Post } from '../content/index.js';

/** Page models are a few levels deep; data nested deeper than this is refused rather than passed on unread. */
const MAX_DEPTH = 32;

type Shown = Post & { gated?: boolean };

const isPost = (value: object): value is Shown => typeof (value as Post).visibility === 'string' && typeof (value as Post).html === 'string';

const isPlain = (value: object) => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * Page data as the theme's templates receive it. A page carries at most one body of a gated piece:
 * its own `post`, and only once forViewer has cleared it for this reader (`gated: false`). Every
 * other post anywhere in the data (cards, related pieces, search results) arrives as anyone may
 * read it, so a custom theme that prints `html`, `plaintext` or `body` cannot leak a gated piece,
 * whichever page model forgot to strip it. What needs no change is passed on as it is.
 */
export function themeData<T extends object>(view: T): T {
  const own = (view as { post?: unknown }).post;
  const cleared = typeof own === 'object' && own !== null && isPost(own) && own.gated === false ? own : null;
  return teasers(view, 0, cleared) as T;
}

function teasers(value: unknown, depth: number, cleared: object | null): unknown {
  if (typeof value !== 'object' || value === null || value === cleared) return value;
  if (depth > MAX_DEPTH) throw new Error(`page data is nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const shown = teasers(value[i], depth + 1, cleared);
      if (shown !== value[i]) (copy ??= [...value])[i] = shown;
    }
    return copy ?? value;
  }
  if (!isPlain(value)) return value;
  const own = (isPost(value) && !canRead(value.visibility, anonymous) ? forViewer(value, anonymous) : value) as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in own) {
    const item = own[key];
    if (typeof item !== 'object' || item === null) continue;
    const shown = teasers(item, depth + 1, cleared);
    if (shown !== item) (copy ??= { ...own })[key] = shown;
  }
  return copy ?? own;
}
