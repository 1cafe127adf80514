import { z } from 'zod';
import { hexColor, line, linkUrl, paragraph } from '../content/text.js';

/** An IANA time zone name such as Europe/London. */
export const timezone = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'is not a known time zone (use a name like Europe/London)');

const locale = z
  .string()
  .trim()
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'is not a language tag like en-GB');

export const navigationItem = z.object({ label: line(60, 1), url: linkUrl }).strict();

/** The site's own settings, edited by administrators. Missing keys take these defaults. */
export const siteSettingsSchema = z
  .object({
    title: line(120, 1).default('Masthead'),
    /** What the editors wrote; empty when they wrote nothing (readers then see the theme's line in the site's language). */
    description: paragraph(500).default(''),
    logoUrl: linkUrl.nullable().default(null),
    /** The browser tab's icon: an image from the media library (square, 32 px or more); the theme's own without one. */
    iconUrl: linkUrl.nullable().default(null),
    accentColor: hexColor.default('#b3261e'),
    navigation: z.array(navigationItem).max(20).default([]),
    footerNavigation: z.array(navigationItem).max(20).default([]),
    copyright: line(300).default(''),
    timezone: timezone.default('UTC'),
    locale: locale.default('en'),
    printPromo: z
      .object({ headline: line(120, 1), text: paragraph(500), url: linkUrl })
      .strict()
      .nullable()
      .default(null),
    newsletterPromo: z
      .object({ headline: line(120, 1), text: paragraph(500) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
