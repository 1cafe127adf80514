import { forViewer, postFormats, type Post, type Viewer } from '../content/index.js';
import { absoluteUrl, type EmailDocument, type EmailItem } from '../email/index.js';

import { PREFERENCES_URL, UNSUBSCRIBE_URL } from './placeholders.js';

function ratingText(rating: { value: number; scale: number }): string {
  if (rating.scale === 5) {
    const full = Math.floor(rating.value);
    return `${'★'.repeat(full)}${rating.value - full >= 0.5 ? '½' : ''} (${rating.value}/5)`;
  }
  return `${rating.value}/${rating.scale}`;
}

/** A post as an email shows it to this reader: gated pieces keep only their teaser. */
export function postItem(post: Post, viewer: Viewer, publicUrl: string, full = false): EmailItem {
  const shown = forViewer(post, viewer);
  const url = `${publicUrl}/${post.slug}/`;
  return {
    title: post.title,
    url,
    excerpt: post.excerpt,
    kicker: post.primaryTag?.name ?? postFormats[post.format].label,
    ...(post.authors.length ? { byline: `By ${post.authors.map((a) => a.name).join(', ')}` } : {}),
    ...(post.featureImage ? { imageUrl: absoluteUrl(post.featureImage.url, publicUrl), imageAlt: post.featureImage.alt } : {}),
    ...(post.review?.rating ? { rating: ratingText(post.review.rating) } : {}),
    ...(post.review?.verdict ? { verdict: post.review.verdict } : {}),
    ...(full && !shown.gated ? { bodyHtml: absoluteLinks(shown.html, publicUrl) } : {}),
    ...(shown.gated ? { gated: true } : {}),
  };
}

function absoluteLinks(html: string, publicUrl: string): string {
  return html.replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${publicUrl}/`);
}

export function footer(newsletterName: string, siteTitle: string): EmailDocument['footer'] {
  return {
    reason: `You receive ${newsletterName} because you subscribed to it at ${siteTitle}.`,
    unsubscribeUrl: UNSUBSCRIBE_URL,
    preferencesUrl: PREFERENCES_URL,
  };
}

/** A single post as an email: the whole piece when the reader may read it, else the teaser and a link. */
export function postDocument(post: Post, viewer: Viewer, publicUrl: string, newsletterName: string, siteTitle: string): EmailDocument {
  return {
    preheader: post.excerpt.slice(0, 140),
    intro: '',
    lead: postItem(post, viewer, publicUrl, true),
    sections: [],
    footer: footer(newsletterName, siteTitle),
  };
}
