import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors/app-error.js';

/** One row of Substack's posts.csv, in its own terms. */
export interface SubstackPost {
  /** The whole post_id, which also names the body file: `123456.my-post-slug`. */
  postId: string;
  /** Its number, which stays when the slug is changed on Substack. */
  id: string;
  /** The slug of its Substack address `/p/<slug>` (empty for drafts that never had one). */
  slug: string;
  date: string;
  published: boolean;
  /** newsletter, podcast, thread, video …; empty in old exports. */
  type: string;
  /** everyone, only_free, only_paid, founding; empty in old exports. */
  audience: string;
  title: string;
  subtitle: string;
  /** Line in the file (the header is line 1). */
  line: number;
}

const refuse = (reason: string) => new AppError('IMPORT_FILE_UNREADABLE', `This is not a readable Substack export: ${reason}.`);

/**
 * Reads posts.csv. Only post_id is required; the other columns Substack writes (post_date,
 * is_published, type, audience, title, subtitle …) are read when present, in any order, and
 * columns this import does not know are ignored.
 */
export function readPostsCsv(data: Buffer): SubstackPost[] {
  let records: string[][];
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: 1024 * 1024 });
  } catch (error) {
    throw refuse(`its posts.csv cannot be read as UTF-8 CSV (${(error as Error).message.split('\n')[0]})`);
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((c) => c.trim().toLowerCase());
  if (!columns.includes('post_id')) {
    throw refuse(`its posts.csv has no post_id column (columns: ${columns.slice(0, 12).join(', ') || 'none'})`);
  }
  return rows.map((record, n) => {
    const row = Object.fromEntries(columns.map((c, i) => [c, (record[i] ?? '').trim()]));
    const postId = row.post_id ?? '';
    const [, id = postId, slug = ''] = /^(\d+)\.?(.*)$/.exec(postId) ?? [];
    return {
      postId,
      id,
      slug: slug.toLowerCase(),
      date: row.post_date ?? '',
      published: /^(true|t|1|yes)$/i.test(row.is_published ?? ''),
      type: (row.type ?? '').toLowerCase(),
      audience: (row.audience ?? '').toLowerCase(),
      title: row.title ?? '',
      subtitle: row.subtitle ?? '',
      line: n + 2,
    };
  });
}
