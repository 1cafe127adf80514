import { z } from 'zod';
import { siteSettingsSchema } from '../settings/index.js';
import { postFormats, postStatuses, tagVisibilities, visibilities, type PostFormat } from '../content/index.js';
import { creditRoles, pieceRoles, workTypes, type CreditRole, type PieceRole, type WorkType } from '../reviews/index.js';

/** What the admin API answers about content; answers are checked against these before they leave. */
export const tagOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  accentColor: z.string().nullable(),
  isSection: z.boolean(),
  navOrder: z.number().nullable(),
  visibility: z.enum(tagVisibilities),
});

export const authorOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  bio: z.string(),
  photoUrl: z.string().nullable(),
  website: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
});

export const personOut = z.object({ id: z.number(), slug: z.string(), name: z.string() });

export const workOut = z.object({
  id: z.number(),
  slug: z.string(),
  type: z.enum(Object.keys(workTypes) as [WorkType, ...WorkType[]]),
  title: z.string(),
  year: z.number().nullable(),
  organization: z.string().nullable(),
  releaseDate: z.string().nullable(),
  runtimeMinutes: z.number().nullable(),
  availability: z.array(z.object({ label: z.string(), url: z.string().nullable() })),
  credits: z.array(z.object({ person: personOut, role: z.enum(Object.keys(creditRoles) as [CreditRole, ...CreditRole[]]), character: z.string().nullable() })),
});

export const postOut = z.object({
  id: z.number(),
  type: z.enum(['post', 'page']),
  slug: z.string(),
  title: z.string(),
  excerpt: z.string(),
  customExcerpt: z.string(),
  bodyFormat: z.enum(['markdown', 'html']),
  body: z.string(),
  html: z.string(),
  wordCount: z.number(),
  readingMinutes: z.number(),
  format: z.enum(Object.keys(postFormats) as [PostFormat, ...PostFormat[]]),
  status: z.enum(postStatuses),
  visibility: z.enum(visibilities),
  featured: z.boolean(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Send this back as `revision` when saving, so a save never overwrites someone else's. */
  revision: z.number(),
  primaryTag: tagOut.nullable(),
  tags: z.array(tagOut),
  internalTags: z.array(tagOut),
  authors: z.array(authorOut),
  featureImage: z.object({ url: z.string(), alt: z.string(), caption: z.string().nullable(), credit: z.string().nullable() }).nullable(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  contentNotes: z.array(z.string()),
  review: z.object({ work: workOut, rating: z.object({ value: z.number(), scale: z.number() }).nullable(), verdict: z.string().nullable() }).nullable(),
  /** People the piece names other than through a reviewed work (an interview's subject), each with their role. */
  people: z.array(z.object({ person: personOut, role: z.enum(Object.keys(pieceRoles) as [PieceRole, ...PieceRole[]]) })),
});

export const postEnvelope = z.object({ post: postOut });

/** Site settings as stored and answered (the accent colour already checked and lower-cased). */
export const siteSettingsEnvelope = z.object({ settings: siteSettingsSchema.extend({ accentColor: z.string() }) });
