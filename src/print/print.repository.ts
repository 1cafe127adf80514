import { statementBatches } from '../db/batches.js';
import { onPostgres, type DbOrTx } from '../db/client.js';
import type { PrintIssueRow } from '../db/tables.js';
import type { Address } from '../members/index.js';
import type { FulfilmentItem, PrintIssue } from './print.types.js';

function toIssue(row: PrintIssueRow): PrintIssue {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    coverImageUrl: row.cover_image_url,
    onSaleDate: row.on_sale_date,
    addressCutoff: row.address_cutoff,
    frozenAt: row.frozen_at,
  };
}

export type IssueValues = Omit<PrintIssue, 'id' | 'frozenAt'>;

const toRow = (issue: IssueValues) => ({
  slug: issue.slug,
  name: issue.name,
  cover_image_url: issue.coverImageUrl,
  on_sale_date: issue.onSaleDate,
  address_cutoff: issue.addressCutoff,
});

export async function insertIssue(db: DbOrTx, issue: IssueValues, now: string): Promise<PrintIssue> {
  return toIssue(
    await db
      .insertInto('print_issues')
      .values({ ...toRow(issue), created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function updateIssueRow(db: DbOrTx, id: number, issue: IssueValues, now: string): Promise<PrintIssue | undefined> {
  const row = await db
    .updateTable('print_issues')
    .set({ ...toRow(issue), updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toIssue(row);
}

export async function findIssue(db: DbOrTx, by: { id: number } | { slug: string }): Promise<PrintIssue | undefined> {
  const query = db.selectFrom('print_issues').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('slug', '=', by.slug)).executeTakeFirst();
  return row && toIssue(row);
}

export async function listIssues(db: DbOrTx): Promise<PrintIssue[]> {
  return (await db.selectFrom('print_issues').selectAll().orderBy('on_sale_date', 'desc').orderBy('id', 'desc').execute()).map(toIssue);
}

export async function deleteIssueRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('print_issues').where('id', '=', id).execute();
}

/** Marks the issue frozen unless it already is; false when another worker froze it first. */
export async function markFrozen(db: DbOrTx, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('print_issues').set({ frozen_at: now, updated_at: now }).where('id', '=', id).where('frozen_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks the issue frozen when its cutoff has passed and no one froze it before, and returns it;
 * undefined otherwise. A freeze starts with this write, so two at once take turns: on SQLite the
 * second waits for the write lock rather than failing on a read it would have to upgrade, and on
 * PostgreSQL it waits for the row and then finds it frozen.
 */
export async function claimFreeze(db: DbOrTx, id: number, now: string): Promise<PrintIssue | undefined> {
  const row = await db.updateTable('print_issues').set({ frozen_at: now, updated_at: now }).where('id', '=', id).where('frozen_at', 'is', null).where('address_cutoff', '<=', now).returningAll().executeTakeFirst();
  return row && toIssue(row);
}

/** Brings a future cutoff of an unfrozen issue forward to now (freezing at once). */
export async function bringCutoffForward(db: DbOrTx, id: number, now: string): Promise<void> {
  await db.updateTable('print_issues').set({ address_cutoff: now, updated_at: now }).where('id', '=', id).where('frozen_at', 'is', null).where('address_cutoff', '>', now).execute();
}

/**
 * Print subscriptions that are paid up (or in their grace period) with issues left, and their
 * members. On PostgreSQL the members' rows are locked (FOR SHARE) until the caller's transaction
 * ends: an erasure, which locks the member's row first, waits for it and then blanks the line, or
 * has committed already and its member is not read. SQLite runs one writing transaction at a
 * time, and the freeze has written (marked the issue frozen) before it reads.
 */
export async function printRecipients(db: DbOrTx, now: string) {
  const query = db
    .selectFrom('subscriptions')
    .innerJoin('plans', 'plans.id', 'subscriptions.plan_id')
    .innerJoin('members', 'members.id', 'subscriptions.member_id')
    .select([
      'subscriptions.id as subscriptionId',
      'subscriptions.billing',
      'subscriptions.cancel_at_period_end as cancelAtPeriodEnd',
      'subscriptions.issues_remaining as issuesRemaining',
      'members.id as memberId',
      'members.email',
      'members.address',
    ])
    .where('plans.tier', '=', 'print')
    .where('subscriptions.issues_remaining', '>', 0)
    .where((eb) => eb.or([eb('subscriptions.status', '=', 'active'), eb.and([eb('subscriptions.status', '=', 'past_due'), eb('subscriptions.grace_until', '>', now)])]))
    .orderBy('members.id')
    .orderBy('subscriptions.id');
  return (onPostgres(db) ? query.forShare('members') : query).execute();
}

export async function decrementIssues(db: DbOrTx, subscriptionIds: number[], now: string): Promise<void> {
  for (const ids of statementBatches(subscriptionIds, 1)) {
    await db
      .updateTable('subscriptions')
      .set((eb) => ({ issues_remaining: eb('issues_remaining', '-', 1), updated_at: now }))
      .where('id', 'in', ids)
      .execute();
  }
}

/** Columns a fulfilment line binds. */
const ITEM_COLUMNS = 10;

export async function insertItems(db: DbOrTx, issueId: number, items: FulfilmentItem[]): Promise<void> {
  for (const batch of statementBatches(items, ITEM_COLUMNS)) {
    await db
      .insertInto('fulfilment_items')
      .values(batch.map((item) => ({ issue_id: issueId, member_id: item.memberId, quantity: item.quantity, ...addressColumns(item) })))
      .execute();
  }
}

const addressColumns = (a: Address) => ({ name: a.name, line1: a.line1, line2: a.line2, city: a.city, region: a.region, postcode: a.postcode, country: a.country });

export async function itemsOf(db: DbOrTx, issueId: number): Promise<FulfilmentItem[]> {
  const rows = await db.selectFrom('fulfilment_items').selectAll().where('issue_id', '=', issueId).orderBy('country').orderBy('postcode').orderBy('member_id').execute();
  return rows.map((r) => ({ memberId: r.member_id, quantity: r.quantity, ...addressColumns(r) }));
}

/** The members on an issue's list in mailing-house order (country, postcode, member), read at once. */
export async function memberOrder(db: DbOrTx, issueId: number): Promise<number[]> {
  const rows = await db.selectFrom('fulfilment_items').select('member_id').where('issue_id', '=', issueId).orderBy('country').orderBy('postcode').orderBy('member_id').execute();
  return rows.map((r) => r.member_id);
}

/** These members' lines in an issue's list, in the order given (through the list's key). */
export async function itemsOfMembers(db: DbOrTx, issueId: number, memberIds: number[]): Promise<FulfilmentItem[]> {
  const rows = await db.selectFrom('fulfilment_items').selectAll().where('issue_id', '=', issueId).where('member_id', 'in', memberIds).execute();
  const byMember = new Map(rows.map((r) => [r.member_id, r]));
  return memberIds.flatMap((id) => {
    const r = byMember.get(id);
    return r ? [{ memberId: r.member_id, quantity: r.quantity, ...addressColumns(r) }] : [];
  });
}

/** An issue's fulfilment list in member order with each member's address, `limit` items after the member `afterId`. */
export async function fulfilmentAfter(db: DbOrTx, issueId: number, afterId: number, limit: number): Promise<Array<FulfilmentItem & { id: number; email: string }>> {
  const rows = await db
    .selectFrom('fulfilment_items as f')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .selectAll('f')
    .select('m.email')
    .where('f.issue_id', '=', issueId)
    .where('f.member_id', '>', afterId)
    .orderBy('f.member_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.member_id, email: r.email, memberId: r.member_id, quantity: r.quantity, ...addressColumns(r) }));
}

export async function countsByCountry(db: DbOrTx, issueId: number): Promise<{ country: string; subscribers: number; copies: number }[]> {
  const rows = await db
    .selectFrom('fulfilment_items')
    .select((eb) => ['country', eb.fn.countAll<number>().as('subscribers'), eb.fn.sum<number>('quantity').as('copies')])
    .where('issue_id', '=', issueId)
    .groupBy('country')
    .orderBy('country')
    .execute();
  return rows.map((r) => ({ country: r.country, subscribers: Number(r.subscribers), copies: Number(r.copies) }));
}
