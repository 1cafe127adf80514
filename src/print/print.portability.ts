import { z } from 'zod';
import { isoDate, isoDateTime, line, linkUrl, slugSchema } from '../content/text.js';
import type { DbOrTx } from '../db/client.js';
import { pagesById } from '../db/paged.js';
import { AppError } from '../errors/app-error.js';
import type { JobQueue } from '../jobs/index.js';
import { membersByEmail, storedAddress } from '../members/index.js';
import { FREEZE_JOB, freezeKey } from './print.service.js';
import { fulfilmentAfter, insertIssue, insertItems, listIssues, markFrozen } from './print.repository.js';

/** Print issues with their frozen fulfilment lists; subscribers are named by email. */
export const printSection = z.array(
  z
    .object({
      slug: slugSchema,
      name: line(120, 1),
      coverImageUrl: linkUrl.nullable(),
      onSaleDate: isoDate,
      addressCutoff: isoDateTime,
      frozenAt: isoDateTime.nullable(),
      fulfilment: z.array(storedAddress.extend({ email: z.string().email(), quantity: z.number().int().min(1).max(1000) }).strict()),
    })
    .strict(),
);

export type PrintSection = z.infer<typeof printSection>;

/** Members of a fulfilment list looked up at a time. */
const PAGE = 500;

type PortableIssue = PrintSection[number];
type PortableItem = PortableIssue['fulfilment'][number];

/** One issue as it is written out: its fulfilment list a page at a time as the writer takes it. */
export type PrintIssueExport = Omit<PortableIssue, 'fulfilment'> & { fulfilment: AsyncIterable<PortableItem> };

/** Every print issue, oldest on sale first, each with its frozen list (members named by email). */
export async function* exportPrint(db: DbOrTx): AsyncGenerator<PrintIssueExport> {
  for (const issue of (await listIssues(db)).reverse()) {
    yield {
      slug: issue.slug,
      name: issue.name,
      coverImageUrl: issue.coverImageUrl,
      onSaleDate: issue.onSaleDate,
      addressCutoff: issue.addressCutoff,
      frozenAt: issue.frozenAt,
      fulfilment: fulfilmentOf(db, issue.id),
    };
  }
}

async function* fulfilmentOf(db: DbOrTx, issueId: number): AsyncGenerator<PortableItem> {
  for await (const page of pagesById((after, limit) => fulfilmentAfter(db, issueId, after, limit))) {
    yield* page.map(({ id: _id, memberId: _member, email, ...item }) => ({ email, ...item }));
  }
}

/**
 * Loads one issue into an empty site inside the importer's transaction, once the members are in;
 * `index` is its place in the section, to name a wrong item. An unfrozen issue gets its freeze
 * job; a frozen one keeps its list as exported, its members looked up a page at a time.
 */
export async function importPrintIssue(tx: DbOrTx, jobs: JobQueue, entry: PortableIssue, index: number, now: string): Promise<void> {
  const { fulfilment, frozenAt, ...values } = entry;
  const issue = await insertIssue(tx, values, now);
  if (!frozenAt) {
    await jobs.enqueue(tx, { name: FREEZE_JOB, key: freezeKey(issue.id), payload: { issueId: issue.id }, runAt: issue.addressCutoff });
    return;
  }
  await markFrozen(tx, issue.id, frozenAt);
  for (let from = 0; from < fulfilment.length; from += PAGE) {
    const page = fulfilment.slice(from, from + PAGE);
    const members = new Map((await membersByEmail(tx, [...new Set(page.map((item) => item.email))])).map((m) => [m.email, m.id]));
    const items = page.map(({ email, ...item }, row) => {
      const memberId = members.get(email);
      if (memberId === undefined) {
        const field = `printIssues.${index}.fulfilment.${from + row}.email`;
        throw new AppError('IMPORT_INVALID', `${field}: is not a member in the document`, [{ field, message: 'is not a member in the document' }]);
      }
      return { ...item, memberId };
    });
    await insertItems(tx, issue.id, items);
  }
}
