import { z } from 'zod';
import { hexColor, line, linkUrl, paragraph, slugSchema, webUrl } from './text.js';

export const tagInput = z
  .object({
    name: line(120, 1),
    slug: slugSchema.optional(),
    description: paragraph(2000).default(''),
    accentColor: hexColor.optional(),
    isSection: z.boolean().default(false),
    navOrder: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const authorInput = z
  .object({
    name: line(120, 1),
    slug: slugSchema.optional(),
    bio: paragraph(5000).default(''),
    photoUrl: linkUrl.optional(),
    website: webUrl.optional(),
    links: z
      .array(z.object({ label: line(60, 1), url: webUrl }).strict())
      .max(12)
      .default([]),
  })
  .strict();

export type TagInput = z.infer<typeof tagInput>;
export type AuthorInput = z.infer<typeof authorInput>;
