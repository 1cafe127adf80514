import { z } from 'zod';
import { namedPeopleInput, reviewInput } from '../reviews/index.js';
import { document, isoDateTime, line, linkUrl, paragraph, slugSchema, webUrl } from './text.js';
import { postFormats, postStatuses, visibilities, type PostFormat } from './post.types.js';

/** The most a body may hold (characters of source). */
export const MAX_BODY_CHARS = 400_000;

/** Slugs that public URLs already use; no post or page may take them. */
export const reservedSlugs = new Set([
  'admin',
  'api',
  'author',
  'tag',
  'page',
  'rss',
  'feed',
  'search',
  'search.json',
  'members',
  'newsletter',
  'webhooks',
  'healthz',
  'sitemap',
  'robots',
  'assets',
  'media',
  'content',
  'p',
  'preview',
  'amp',
  ...Object.values(postFormats).map((f) => f.path),
]);

const formatSchema = z.enum(Object.keys(postFormats) as [PostFormat, ...PostFormat[]], {
  message: `must be one of ${Object.keys(postFormats).join(', ')}`,
});

export const featureImageInput = z
  .object({
    url: linkUrl,
    alt: line(300).default(''),
    caption: line(500).optional(),
    credit: line(300).optional(),
  })
  .strict();

export const postInput = z
  .object({
    type: z.enum(['post', 'page']).default('post'),
    title: line(300, 1),
    slug: slugSchema.refine((s) => !reservedSlugs.has(s), 'is reserved for a site address').optional(),
    excerpt: paragraph(1000).default(''),
    body: document(MAX_BODY_CHARS).default(''),
    bodyFormat: z.enum(['markdown', 'html']).default('markdown'),
    format: formatSchema.default('article'),
    status: z.enum(postStatuses).default('draft'),
    visibility: z.enum(visibilities).default('public'),
    featured: z.boolean().default(false),
    publishedAt: isoDateTime.optional(),
    tags: z.array(slugSchema).max(20, 'at most 20 tags').default([]),
    authors: z.array(slugSchema).min(1, 'needs at least one author').max(10, 'at most 10 authors'),
    featureImage: featureImageInput.optional(),
    seoTitle: line(300).optional(),
    seoDescription: paragraph(500).optional(),
    canonicalUrl: webUrl.optional(),
    contentNotes: z.array(line(200, 1)).max(5, 'at most 5 content notes').default([]),
    review: reviewInput.optional(),
    people: namedPeopleInput.optional(),
  })
  .strict()
  .superRefine((post, ctx) => {
    if (post.format === 'review' && !post.review) {
      ctx.addIssue({ code: 'custom', path: ['review'], message: 'a review needs the reviewed work' });
    }
    if (post.format !== 'review' && post.review) {
      ctx.addIssue({ code: 'custom', path: ['review'], message: 'only posts in the review format have review facts' });
    }
    if (post.type === 'page' && post.people?.length) {
      ctx.addIssue({ code: 'custom', path: ['people'], message: 'pages name no people' });
    }
    if (post.type === 'page' && post.format !== 'article') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'pages are always articles' });
    }
    if (post.status === 'scheduled' && !post.publishedAt) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: 'a scheduled post needs its publication time' });
    }
    if (new Set(post.tags).size !== post.tags.length) {
      ctx.addIssue({ code: 'custom', path: ['tags'], message: 'lists a tag twice' });
    }
    if (new Set(post.authors).size !== post.authors.length) {
      ctx.addIssue({ code: 'custom', path: ['authors'], message: 'lists an author twice' });
    }
  });

export type PostInput = z.infer<typeof postInput>;
