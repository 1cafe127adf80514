import type { Clock } from '../clock.js';
import { slugify } from '../content/index.js';
import { inTransaction, type Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import { localInstant } from '../local-time.js';
import { type EmailWords, isCompleteAddress, MEMBER_EMAIL_JOB, renewalReminderEmail, withUniqueSlug } from '../members/index.js';
import { fulfilmentCsv } from './fulfilment-csv.js';
import {
  bringCutoffForward,
  claimFreeze,
  countsByCountry,
  decrementIssues,
  deleteIssueRow,
  findIssue,
  insertIssue,
  insertItems,
  itemsOf,
  itemsOfMembers,
  listIssues,
  memberOrder,
  printRecipients,
  updateIssueRow,
  type IssueValues,
} from './print.repository.js';
import { printIssueInput } from './print.schema.js';
import type { FulfilmentItem, PrintIssue } from './print.types.js';

/** The durable job that freezes an issue's fulfilment list at its address cutoff. */
export const FREEZE_JOB = 'print.freeze';
export const freezeKey = (issueId: number) => `print-freeze:${issueId}`;

/** Lines of a fulfilment list read at a time for its CSV. */
const CSV_PAGE = 1000;

export interface FreezeReport {
  copies: number;
  subscribers: number;
  /** Print subscribers left out because their address is missing or incomplete. */
  withoutAddress: number;
}

/** Print issues and their fulfilment lists: frozen at the cutoff, counted down, exported for the mailing house. */
export class PrintService {
  constructor(private readonly deps: { db: Db; clock: Clock; jobs: JobQueue; publicUrl: string; timeZone: () => Promise<string>; words: () => Promise<EmailWords> }) {}

  list(): Promise<PrintIssue[]> {
    return listIssues(this.deps.db);
  }

  async get(ref: string | number): Promise<PrintIssue> {
    const issue = await findIssue(this.deps.db, typeof ref === 'number' || /^\d+$/.test(ref) ? { id: Number(ref) } : { slug: ref });
    if (!issue) throw new AppError('PRINT_ISSUE_NOT_FOUND');
    return issue;
  }

  async create(input: unknown): Promise<PrintIssue> {
    const values = await this.values(input);
    return withUniqueSlug('print issue', () =>
      inTransaction(this.deps.db, async (tx) => {
        const issue = await insertIssue(tx, values, this.deps.clock().toISOString());
        await this.deps.jobs.enqueue(tx, { name: FREEZE_JOB, key: freezeKey(issue.id), payload: { issueId: issue.id }, runAt: issue.addressCutoff });
        return issue;
      }),
    );
  }

  async update(id: number, input: unknown): Promise<PrintIssue> {
    const values = await this.values(input);
    const current = await this.get(id);
    if (current.frozenAt && values.addressCutoff !== current.addressCutoff) throw new AppError('PRINT_ISSUE_FROZEN');
    return withUniqueSlug('print issue', () =>
      inTransaction(this.deps.db, async (tx) => {
        const issue = (await updateIssueRow(tx, id, values, this.deps.clock().toISOString()))!;
        if (!issue.frozenAt) await this.deps.jobs.enqueue(tx, { name: FREEZE_JOB, key: freezeKey(id), payload: { issueId: id }, runAt: issue.addressCutoff });
        return issue;
      }),
    );
  }

  async remove(id: number): Promise<void> {
    const issue = await this.get(id);
    if (issue.frozenAt) throw new AppError('PRINT_ISSUE_FROZEN');
    await inTransaction(this.deps.db, async (tx) => {
      await this.deps.jobs.cancel(tx, freezeKey(id));
      await deleteIssueRow(tx, id);
    });
  }

  /**
   * Freezes the fulfilment list: every paid-up print subscriber with issues left and a complete
   * address, one line per member. Each included subscription counts down one issue, and those
   * that will not renew by themselves are reminded before their last issue. One transaction;
   * running it again changes nothing. The reminders and the list go in with a statement per few thousand rows.
   */
  async freeze(id: number): Promise<FreezeReport | undefined> {
    const words = await this.deps.words();
    return inTransaction(this.deps.db, async (tx) => {
      const now = this.deps.clock().toISOString();
      const issue = await claimFreeze(tx, id, now);
      if (!issue) return undefined;
      const recipients = await printRecipients(tx, now);
      const byMember = new Map<number, FulfilmentItem>();
      const counted: number[] = [];
      const reminders: Parameters<JobQueue['enqueueMany']>[1] = [];
      let withoutAddress = 0;
      for (const r of recipients) {
        const address = r.address ? (JSON.parse(r.address) as unknown) : null;
        if (!isCompleteAddress(address)) {
          withoutAddress += 1;
          continue;
        }
        counted.push(r.subscriptionId);
        const item = byMember.get(r.memberId);
        if (item) item.quantity += 1;
        else byMember.set(r.memberId, { ...address, memberId: r.memberId, quantity: 1 });
        const willRenew = r.billing !== 'gift' && r.cancelAtPeriodEnd === 0;
        if (r.issuesRemaining === 2 && !willRenew) {
          reminders.push({
            name: MEMBER_EMAIL_JOB,
            key: `renewal-reminder:${r.subscriptionId}:${id}`,
            payload: renewalReminderEmail(words, r.email, issue.name, `${this.deps.publicUrl}/members/print/`),
          });
        }
      }
      const items = [...byMember.values()];
      await insertItems(tx, id, items);
      await decrementIssues(tx, counted, now);
      await this.deps.jobs.enqueueMany(tx, reminders);
      return { copies: counted.length, subscribers: items.length, withoutAddress };
    });
  }

  /**
   * Freezes the list now rather than at the cutoff: a cutoff still to come moves to this moment
   * (its job is cancelled), so addresses changed from now on go to the next issue.
   */
  async freezeNow(id: number): Promise<{ issue: PrintIssue; report: FreezeReport }> {
    const issue = await this.get(id);
    if (issue.frozenAt) throw new AppError('PRINT_ISSUE_FROZEN');
    await inTransaction(this.deps.db, async (tx) => {
      await bringCutoffForward(tx, id, this.deps.clock().toISOString());
      await this.deps.jobs.cancel(tx, freezeKey(id));
    });
    const report = await this.freeze(id);
    if (!report) throw new AppError('PRINT_ISSUE_FROZEN');
    return { issue: await this.get(id), report };
  }

  /** The frozen list; an issue whose cutoff has passed is frozen now if its job has not run yet. */
  async fulfilment(ref: string | number): Promise<{ issue: PrintIssue; items: FulfilmentItem[]; countries: Awaited<ReturnType<typeof countsByCountry>> }> {
    const issue = await this.frozen(ref);
    return { issue, items: await itemsOf(this.deps.db, issue.id), countries: await countsByCountry(this.deps.db, issue.id) };
  }

  /**
   * The frozen list as CSV for the mailing house, read and written a page of lines at a time, with
   * its counts per country; `rows` is the number of lines.
   */
  async csv(ref: string | number): Promise<{ issue: PrintIssue; lines: AsyncIterable<string>; rows: number; countries: Awaited<ReturnType<typeof countsByCountry>> }> {
    const issue = await this.frozen(ref);
    const countries = await countsByCountry(this.deps.db, issue.id);
    const rows = countries.reduce((sum, c) => sum + c.subscribers, 0);
    return { issue, lines: fulfilmentCsv(issue, this.pages(issue.id)), rows, countries };
  }

  /**
   * The list a page at a time in mailing-house order, taken once at the start (a number per line):
   * a line whose address an erasure empties meanwhile keeps its place and comes out empty, once.
   */
  private async *pages(issueId: number): AsyncGenerator<FulfilmentItem[]> {
    const order = await memberOrder(this.deps.db, issueId);
    for (let from = 0; from < order.length; from += CSV_PAGE) yield itemsOfMembers(this.deps.db, issueId, order.slice(from, from + CSV_PAGE));
  }

  /** The issue, its list frozen now if its cutoff has passed and its job has not run yet. */
  private async frozen(ref: string | number): Promise<PrintIssue> {
    let issue = await this.get(ref);
    if (!issue.frozenAt) {
      await this.freeze(issue.id);
      issue = await this.get(issue.id);
    }
    if (!issue.frozenAt) {
      throw new AppError('PRINT_ISSUE_NOT_FROZEN', `The fulfilment list of ${issue.name} is not frozen yet: its address cutoff is ${issue.addressCutoff}.`);
    }
    return issue;
  }

  private async values(input: unknown): Promise<IssueValues> {
    const parsed = parseInput(printIssueInput, input);
    const cutoff = parsed.addressCutoff;
    const addressCutoff = typeof cutoff === 'string' ? cutoff : localInstant(cutoff, await this.deps.timeZone()).toISOString();
    return { ...parsed, addressCutoff, slug: parsed.slug ?? slugify(parsed.name) };
  }
}
