import { z } from 'zod';
import { line, slugSchema, textProblem } from '../content/text.js';
import { idCursor } from '../db/list-cursor.js';

/** An email address, trimmed and lower-cased; refuses anything that could break a mail header. */
export const emailAddress = z
  .string({ message: 'is required' })
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(254, 'must be at most 254 characters')
  .refine((v) => textProblem(v, false) === undefined, 'contains characters not allowed in an email address')
  .pipe(z.email({ message: 'is not a valid email address' }));

const slugList = z.union([slugSchema, z.array(slugSchema).max(20, 'at most 20 newsletters')]).transform((v) => (Array.isArray(v) ? v : [v]));

export const subscribeInput = z
  .object({
    email: emailAddress,
    name: line(120).optional(),
    newsletters: slugList.optional(),
    // The honeypot: people never see it, so anything in it came from a bot.
    company: z.string().max(500).optional(),
  })
  .strip();

export const preferencesInput = z.object({ token: z.string().max(1000), newsletters: slugList.default([]) }).strip();

export const listQuery = z
  .object({
    q: line(254).optional(),
    status: z.enum(['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained']).optional(),
    newsletter: slugSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    after: idCursor.optional().describe("A page's `next`: this page starts after it (and `offset` subscribers further)"),
  })
  .strict();

export type ListQuery = z.infer<typeof listQuery>;

/** Subscribers as a site document carries them (see src/portability). */
export const portableNewsletters = z.array(z.object({ slug: slugSchema, name: line(120, 1), description: z.string().max(500).default(''), isDefault: z.boolean().default(false) }).strict());

export const portableSubscribers = z.array(
  z
    .object({
      email: emailAddress,
      name: line(120).default(''),
      status: z.enum(['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained']),
      newsletters: z.array(slugSchema).default([]),
      createdAt: z.string().max(40),
      confirmedAt: z.string().max(40).nullable().default(null),
      unsubscribedAt: z.string().max(40).nullable().default(null),
    })
    .strict(),
);
