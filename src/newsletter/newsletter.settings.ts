import { z } from 'zod';
import { line, slugSchema } from '../content/text.js';
import { addDays, localDate, localInstant } from '../local-time.js';
import { timezone } from '../settings/index.js';
import { emailAddress } from '../subscribers/index.js';

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Newsletter settings, edited by editors and stored under the "newsletter" settings key. */
export const newsletterSettingsSchema = z
  .object({
    senderName: line(120).default(''),
    replyTo: emailAddress.nullable().default(null),
    /** Upper bound on the sending rate, for the SMTP provider's limits. */
    messagesPerSecond: z.number().int().min(1).max(100_000).default(50),
    digest: z
      .object({
        enabled: z.boolean().default(true),
        newsletter: slugSchema.default('weekly'),
        day: z.enum(weekdays).default('friday'),
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00')
          .default('08:00'),
        /** Empty: the site's time zone. */
        timezone: timezone.nullable().default(null),
        /** Assemble the draft this many hours before the slot, so editors can work on it. */
        assembleHoursBefore: z.number().int().min(0).max(144).default(24),
        /** Send the assembled draft at the slot without an editor pressing send. */
        autoSend: z.boolean().default(false),
      })
      .strict()
      .default({ enabled: true, newsletter: 'weekly', day: 'friday', time: '08:00', timezone: null, assembleHoursBefore: 24, autoSend: false }),
  })
  .strict();

export type NewsletterSettings = z.infer<typeof newsletterSettingsSchema>;

/**
 * The first digest slot (weekday and time in the zone) strictly after `after`. A slot in the hour
 * skipped when clocks go forward goes out at the change; in the repeated hour, at the first pass
 * (src/local-time.ts).
 */
export function nextSlot(after: Date, schedule: { day: string; time: string }, timeZone: string): Date {
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const today = localDate(after, timeZone);
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = addDays(today, offset);
    if (weekdays[day.weekday % 7] !== schedule.day) continue;
    const slot = localInstant({ ...day, hour, minute }, timeZone);
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new Error(`no ${schedule.day} within a week`);
}
