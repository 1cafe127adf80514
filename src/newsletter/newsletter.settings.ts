import { z } from 'zod';
import { line, slugSchema } from '../content/text.js';
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
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00').default('08:00'),
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

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'long',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: get('weekday').toLowerCase(),
  };
}

/** The instant at which the wall clock in `timeZone` shows the given date and time. */
function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  let guess = Date.UTC(year, month - 1, day, hour, minute);
  for (let i = 0; i < 3; i += 1) {
    const p = zonedParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += Date.UTC(year, month - 1, day, hour, minute) - shown;
  }
  return new Date(guess);
}

/** The first digest slot (weekday and time in the zone) strictly after `after`. */
export function nextSlot(after: Date, schedule: { day: string; time: string }, timeZone: string): Date {
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const today = zonedParts(after, timeZone);
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (weekdays[day.getUTCDay()] !== schedule.day) continue;
    const slot = zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute, timeZone);
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new Error(`no ${schedule.day} within a week`);
}
