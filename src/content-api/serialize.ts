import { forViewer, type Author, type Post, type Tag, type Viewer } from '../content/index.js';

/** The public face of a tag, author or post: what the site itself shows, with its address. */
export function tagOut(tag: Tag, publicUrl: string) {
  return {
    id: tag.id,
    slug: tag.slug,
    name: tag.name,
    description: tag.description,
    accentColor: tag.accentColor,
    isSection: tag.isSection,
    url: new URL(`/tag/${tag.slug}/`, publicUrl).toString(),
  };
}

export function authorOut(author: Author, publicUrl: string) {
  return {
    id: author.id,
    slug: author.slug,
    name: author.name,
    bio: author.bio,
    photoUrl: author.photoUrl,
    website: author.website,
    links: author.links,
    url: new URL(`/author/${author.slug}/`, publicUrl).toString(),
  };
}

/**
 * A published post or page as this viewer may see it. Gated pieces the viewer may not read carry
 * `html: null` and `gated: true`: their body never leaves the server (forViewer blanks it).
 */
export function postOut(post: Post, viewer: Viewer, publicUrl: string, commentCount: number) {
  const shown = forViewer(post, viewer);
  return {
    id: shown.id,
    type: shown.type,
    slug: shown.slug,
    title: shown.title,
    url: new URL(`/${shown.slug}/`, publicUrl).toString(),
    excerpt: shown.excerpt,
    format: shown.format,
    visibility: shown.visibility,
    gated: shown.gated,
    html: shown.gated ? null : shown.html,
    featured: shown.featured,
    publishedAt: shown.publishedAt,
    updatedAt: shown.updatedAt,
    readingMinutes: shown.readingMinutes,
    commentCount,
    featureImage: shown.featureImage,
    primaryTag: shown.primaryTag ? tagOut(shown.primaryTag, publicUrl) : null,
    tags: shown.tags.map((t) => tagOut(t, publicUrl)),
    authors: shown.authors.map((a) => authorOut(a, publicUrl)),
    seo: { title: shown.seoTitle, description: shown.seoDescription, canonicalUrl: shown.canonicalUrl },
    contentNotes: shown.contentNotes,
    review: shown.review,
    people: shown.people,
  };
}
