import { z } from 'zod';
import { isoDate, isoDateTime, line, linkUrl, slugSchema } from '../content/text.js';

export const printIssueInput = z
  .object({
    slug: slugSchema.optional(),
    name: line(120, 1),
    coverImageUrl: linkUrl.nullable().default(null),
    onSaleDate: isoDate,
    addressCutoff: isoDateTime,
  })
  .strict();
