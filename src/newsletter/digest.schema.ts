import { z } from 'zod';
import { isoDateTime, line, paragraph } from '../content/text.js';
import { MAX_STORED_INTEGER } from '../db/ids.js';
import { emailAddress } from '../subscribers/index.js';

export const digestGroup = z
  .string()
  .trim()
  .regex(/^(lead|reviews|more|[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'must be lead, reviews, more or a section slug')
  .max(190);

/** An editor's changes to a digest draft: the subject, the intro, and the pieces in reading order. */
export const digestPatch = z
  .object({
    subject: line(200, 1).optional(),
    intro: paragraph(5000).optional(),
    items: z
      .array(z.object({ postId: z.number().int().positive().max(MAX_STORED_INTEGER), group: digestGroup.optional() }).strict())
      .max(60, 'at most 60 pieces')
      .optional(),
  })
  .strict();

export const scheduleInput = z.object({ at: isoDateTime }).strict();
export const testInput = z.object({ to: emailAddress }).strict();
