import { z } from 'zod';
import { isoDate, line, paragraph, slugSchema } from '../content/text.js';
import { followKinds } from '../follows/index.js';
import { listQuery, subscriberStatuses } from '../subscribers/index.js';

/** Shapes of the newsletter endpoints: what they take and what they answer. */

export const newsletterOut = z.object({ id: z.number(), slug: z.string(), name: z.string(), description: z.string(), isDefault: z.boolean(), countOpens: z.boolean() });

export const newsletterCreate = z.object({ slug: slugSchema, name: line(120, 1), description: paragraph(500).default(''), isDefault: z.boolean().default(false) }).strict();

export const newsletterPatch = z
  .object({
    name: line(120, 1).optional(),
    description: paragraph(500).optional(),
    isDefault: z.boolean().optional(),
    countOpens: z.boolean().optional().describe('Put a 1×1 image in its emails that counts opens (unreliable and privacy-sensitive; off by default)'),
  })
  .strict();

export const slugParams = z.object({ slug: slugSchema }).strict();
export const emailParams = z.object({ email: z.string().max(254, 'must be at most 254 characters') }).strict();
export const newsletterQuery = z.object({ newsletter: slugSchema.optional() }).strict();
/** The longest range a growth chart covers: ten years of days (a wider one would answer millions of points). */
const GROWTH_MAX_DAYS = 3660;

export const growthQuery = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .superRefine(({ from, to }, ctx) => {
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > GROWTH_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${GROWTH_MAX_DAYS.toLocaleString('en')} days after from` });
  });
export const postSendInput = z.object({ newsletter: slugSchema.optional() }).strict();
export { listQuery };

export const statusOut = z.object({
  delivery: z.enum(['smtp', 'outbox']),
  outbox: z.string().optional(),
  notice: z.string().optional(),
  dkim: z.boolean(),
  connections: z.number(),
  nextDigest: z.string(),
});

const digestScheduleOut = z.object({
  enabled: z.boolean(),
  newsletter: z.string(),
  day: z.string(),
  time: z.string(),
  timezone: z.string().nullable(),
  assembleHoursBefore: z.number(),
  autoSend: z.boolean(),
});

export const settingsOut = z.object({ senderName: z.string(), replyTo: z.string().nullable(), messagesPerSecond: z.number(), digest: digestScheduleOut });

/** For the document: the service merges the patch into the current settings and checks the whole. */
export const settingsPatchDoc = z
  .object({
    senderName: z.string().max(120),
    replyTo: z.string().max(254).nullable(),
    messagesPerSecond: z.number().int().min(1).max(100_000),
    digest: z
      .object({
        enabled: z.boolean(),
        newsletter: z.string(),
        day: z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']),
        time: z.string().describe('HH:MM'),
        timezone: z.string().nullable().describe('IANA time zone; null for the site’s'),
        assembleHoursBefore: z.number().int().min(0).max(144),
        autoSend: z.boolean(),
      })
      .partial(),
  })
  .partial();

export const subscriberOut = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  status: z.enum(subscriberStatuses),
  source: z.string(),
  newsletters: z.array(z.string()),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  unsubscribedAt: z.string().nullable(),
});

export const subscriberExportOut = subscriberOut.extend({
  deliveries: z.array(z.object({ sentAt: z.string().nullable(), state: z.string(), subject: z.string() })),
  followAlerts: z.boolean().describe('Whether they asked to be emailed when something they follow is published'),
  follows: z.array(z.object({ kind: z.enum(followKinds), slug: z.string(), name: z.string(), confirmed: z.boolean(), createdAt: z.string() })),
  clicks: z.array(z.object({ subject: z.string(), url: z.string(), at: z.string() })).describe('Links of newsletter emails the subscriber clicked, first click each'),
});

export const importReportOut = z.object({
  layout: z.string(),
  rows: z.number(),
  added: z.number(),
  updated: z.number(),
  rejected: z.array(z.object({ line: z.number(), email: z.string(), reason: z.string() })).describe('The first 1,000 rows not taken, in line order'),
  rejectedTotal: z.number().describe('How many rows were not taken in all'),
});

export const growthOut = z.object({ points: z.array(z.object({ date: z.string(), subscribed: z.number(), unsubscribed: z.number(), total: z.number() })) });

export const digestOut = z.object({
  id: z.number(),
  newsletter: z.string(),
  slot: z.string(),
  periodStart: z.string(),
  subject: z.string(),
  intro: z.string(),
  items: z.array(z.object({ postId: z.number(), group: z.string(), title: z.string(), slug: z.string(), format: z.string() })),
  state: z.enum(['draft', 'scheduled', 'sent']),
  scheduledAt: z.string().nullable(),
  sendId: z.number().nullable(),
});

export const sendReportOut = z.object({
  id: z.number(),
  newsletter: z.string(),
  kind: z.enum(['digest', 'post', 'test']),
  subject: z.string(),
  state: z.enum(['sending', 'done']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number(),
  pending: z.number(),
  delivered: z.number(),
  deferred: z.number(),
  failed: z.number(),
  bounced: z.number(),
  skipped: z.number(),
  unsubscribedSince: z.number().describe('Recipients who unsubscribed by a link after this send, the last they had received'),
  complaints: z.number().describe('Recipients who reported this send as spam'),
  opens: z.number().nullable().describe('Recipients who opened it, as far as an image can tell; null where the newsletter does not count opens'),
  links: z.array(z.object({ url: z.string(), clicks: z.number(), uniqueClicks: z.number() })).describe("The send's links in the order they first appear, with all clicks and recipients who clicked"),
  clicks: z.number(),
  uniqueClicks: z.number().describe('Per-link unique clicks added up'),
});
