import { z } from 'zod';
import { hexColor, line, linkUrl, paragraph, slugSchema, webUrl } from './text.js';
import { tagVisibilities } from './taxonomy.types.js';

/** A tag's fields; `tagInput` adds the rules that join them. */
export const tagFields = z
  .object({
    name: line(120, 1),
    slug: slugSchema.optional(),
    description: paragraph(2000).default(''),
    accentColor: hexColor.optional(),
    isSection: z.boolean().default(false),
    navOrder: z.number().int().min(0).max(1000).optional(),
    visibility: z.enum(tagVisibilities).optional(),
  })
  .strict();

export const tagInput = tagFields.superRefine((tag, ctx) => {
  if (tag.isSection && isInternal(tag)) {
    ctx.addIssue({ code: 'custom', path: ['isSection'], message: 'an internal tag is never shown to readers, so it cannot be a section' });
  }
});

/** A tag is internal when said so or, as in Ghost, when its name starts with `#`. */
export function isInternal(tag: { name: string; visibility?: string | undefined }): boolean {
  return tag.visibility === 'internal' || tag.name.trimStart().startsWith('#');
}

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
