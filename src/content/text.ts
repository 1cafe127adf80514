import { createRequire } from 'node:module';
import type { transliterate as Transliterate } from 'transliteration';
import { z } from 'zod';

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A UTF-16 surrogate that is not part of a pair cannot be encoded as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(value: string, allowNewlines: boolean): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains invalid characters (not valid UTF-8)';
  if (CONTROL.test(value)) return 'contains control characters';
  if (!allowNewlines && /[\r\n]/.test(value)) return 'must be a single line';
  return undefined;
}

function checkedText(allowNewlines: boolean) {
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, allowNewlines);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** Plain single-line text, trimmed. Stored as typed and escaped wherever it is shown. */
export function line(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .pipe(checkedText(false));
}

/** Plain text that may span lines (bios, descriptions). */
export function paragraph(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`).pipe(checkedText(true));
}

/** Long source text such as a post body. */
export function document(maxChars: number) {
  return z
    .string()
    .max(maxChars, `must be at most ${maxChars.toLocaleString('en')} characters`)
    .pipe(checkedText(true));
}

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(190, 'must be at most 190 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'may contain only lowercase letters, digits and single hyphens');

/** An absolute http(s) URL; anything else (javascript:, data:) is refused. */
export const webUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(checkedText(false))
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }));

/** An http(s) URL or a site-relative path such as /media/2026/photo.jpg. */
export const linkUrl = z.union([
  webUrl,
  z
    .string()
    .trim()
    .regex(/^\/(?!\/)[^\s\\]*$/, 'must be an http or https URL or a path starting with /')
    .max(2000),
]);

export const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #c0392b')
  .transform((v) => v.toLowerCase());

/** Strict ISO-8601 date-time with an offset; rejects impossible dates such as 30 February. */
export const isoDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be a date and time like 2026-11-25T09:30:00Z')
  .superRefine((value, ctx) => {
    if (!isRealDate(value.slice(0, 10)) || Number.isNaN(Date.parse(value)) || !isRealTime(value.slice(11, 19))) {
      ctx.addIssue({ code: 'custom', message: 'is not a real date and time' });
    }
  })
  .transform((value) => new Date(value).toISOString());

/** A calendar date like 2023-06-02. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2023-06-02')
  .refine(isRealDate, 'is not a real date');

/** A wall-clock date and time without an offset, like 2026-03-29T01:30, for the caller to read in a time zone. */
export const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time like 2026-03-29T01:30')
  .refine((value) => isRealDate(value.slice(0, 10)) && isRealTime(value.slice(11)), 'is not a real date and time')
  .transform((value) => {
    const [year, month, day, hour, minute] = value.split(/[-T:]/).map(Number) as [number, number, number, number, number];
    return { year, month, day, hour, minute };
  });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isRealTime(value: string): boolean {
  const [h, min, s] = value.split(':').map(Number);
  return (h ?? 0) < 24 && (min ?? 0) < 60 && (s ?? 0) < 60;
}

// transliteration builds its character tables as it loads; they load with the first new slug.
let transliterate: typeof Transliterate | undefined;

/**
 * Turns a title in any script into an ASCII URL slug: "Past Lives (2023)" -> "past-lives-2023",
 * "Łódź Film School" -> "lodz-film-school", "Москва" -> "moskva", "Αθήνα" -> "athina"; Chinese and
 * Japanese kanji by their pinyin reading. Only new slugs are made this way: stored ones never change.
 */
export function slugify(text: string): string {
  transliterate ??= (createRequire(import.meta.url)('transliteration') as { transliterate: typeof Transliterate }).transliterate;
  const slug = transliterate(text.normalize('NFC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 180)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Words as readers count them, in any script: Unicode word boundaries (ICU, with its dictionaries
 * for Chinese, Japanese and Thai, which write no spaces), punctuation and spaces left out.
 */
export function countWords(text: string): number {
  let count = 0;
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    for (const segment of words.segment(text.slice(start, end))) if (segment.isWordLike) count += 1;
    start = end;
  }
  return count;
}

/** About how long a piece of text is segmented at once: V8 takes time that grows with the square of the length segmented. */
const PIECE = 1000;
/**
 * The longest piece segmented at once. Text with no place to cut for this long (Thai, Lao, Khmer
 * or Burmese written without spaces, or one endless "word") is cut here anyway, inside a word if
 * need be: each such cut may count one word twice, an error of at most one word in 4,000
 * characters, where segmenting the whole would take seconds for a long body.
 */
const MOST = 4 * PIECE;
/**
 * Places where a word always ends, whatever surrounds them (Unicode word boundary rules WB3a and
 * WB999): after a line feed, and between a space or a sentence's end and a letter or digit of any
 * script that does not join the character before it. Pieces cut there are counted exactly as the
 * whole would be.
 */
const CUT = /\n|[ \u3000!?\u3002\uff01\uff1f](?=[\p{L}\p{N}])(?!\p{Grapheme_Extend})/gu;

/** Where the piece of `text` segmented from `start` ends: at the first place to cut past `PIECE` characters, else `MOST` characters on, else at the end. */
function pieceEnd(text: string, start: number): number {
  if (text.length - start <= PIECE) return text.length;
  // Looked for within the longest piece only, so text with no place to cut is read once, not once a piece.
  const window = text.slice(0, start + MOST + 1);
  CUT.lastIndex = start + PIECE;
  const cut = CUT.exec(window);
  if (cut) return cut.index + 1;
  if (text.length - start <= MOST) return text.length;
  // Never between the two halves of a character written as a surrogate pair.
  const end = start + MOST;
  return /[\udc00-\udfff]/.test(text[end]!) ? end + 1 : end;
}
