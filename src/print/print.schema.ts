import { z } from 'zod';
import { isoDate, isoDateTime, line, linkUrl, localDateTime, slugSchema } from '../content/text.js';

/**
 * The address cutoff: an instant with its offset ("2026-03-01T00:00:00Z"), or a wall-clock time
 * without one ("2026-03-29T01:30"), which print.service.ts reads in the site's time zone.
 */
const addressCutoff = z.string().transform((value, ctx) => {
  const local = localDateTime.safeParse(value);
  if (local.success) return local.data;
  const instant = isoDateTime.safeParse(value);
  if (instant.success) return instant.data;
  const offsetless = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\s*$/.test(value);
  ctx.addIssue({ code: 'custom', message: (offsetless ? local : instant).error!.issues[0]!.message });
  return z.NEVER;
});

export const printIssueInput = z
  .object({
    slug: slugSchema.optional(),
    name: line(120, 1),
    coverImageUrl: linkUrl.nullable().default(null),
    onSaleDate: isoDate,
    addressCutoff,
  })
  .strict();
