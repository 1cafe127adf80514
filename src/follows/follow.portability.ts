import { z } from 'zod';
import { isoDateTime, slugSchema } from '../content/text.js';
import type { DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { emailAddress } from '../subscribers/index.js';
import { insertFollow } from './follow.repository.js';
import { followKinds, type FollowKind, type Reader } from './follow.types.js';

/** A confirmed follow in a site document: the reader by address (member or subscriber), the target by slug. */
export const portableFollow = z
  .object({
    reader: z.union([z.object({ member: emailAddress }).strict(), z.object({ subscriber: emailAddress }).strict()]),
    kind: z.enum(followKinds),
    slug: slugSchema,
    createdAt: isoDateTime,
  })
  .strict();

export type PortableFollow = z.infer<typeof portableFollow>;

const targetTables = { tag: 'tags', author: 'authors', person: 'people', work: 'works' } as const;

/** Every confirmed follow, a page at a time, oldest first. */
export async function* exportFollows(db: DbOrTx): AsyncGenerator<PortableFollow> {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('follows as f')
      .leftJoin('members as m', 'm.id', 'f.member_id')
      .leftJoin('subscribers as s', 's.id', 'f.subscriber_id')
      .leftJoin('tags as t', 't.id', 'f.tag_id')
      .leftJoin('authors as a', 'a.id', 'f.author_id')
      .leftJoin('people as p', 'p.id', 'f.person_id')
      .leftJoin('works as w', 'w.id', 'f.work_id')
      .select(['f.id', 'f.target', 'f.created_at', 'm.email as member', 's.email as subscriber', 't.slug as tag', 'a.slug as author', 'p.slug as person', 'w.slug as work'])
      .where('f.id', '>', after)
      .where('f.confirmed_at', 'is not', null)
      .orderBy('f.id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const kind = row.target.split(':')[0] as FollowKind;
      const slug = row[kind];
      if (!slug) continue;
      yield { reader: row.member ? { member: row.member } : { subscriber: row.subscriber! }, kind, slug, createdAt: row.created_at };
    }
    after = rows[rows.length - 1]!.id;
  }
}

/** Restores follows into a site being imported (the caller's transaction), after its readers and targets. */
export async function restoreFollows(db: DbOrTx, follows: PortableFollow[], first: number): Promise<void> {
  for (const [i, follow] of follows.entries()) {
    const fail = (what: string) => new AppError('IMPORT_INVALID', `follows.${first + i}: ${what}`);
    const reader: Reader | undefined =
      'member' in follow.reader
        ? await db
            .selectFrom('members')
            .select('id')
            .where('email', '=', follow.reader.member)
            .executeTakeFirst()
            .then((r) => r && { kind: 'member', id: r.id })
        : await db
            .selectFrom('subscribers')
            .select('id')
            .where('email', '=', follow.reader.subscriber)
            .executeTakeFirst()
            .then((r) => r && { kind: 'subscriber', id: r.id });
    if (!reader) throw fail('the document has no such member or subscriber');
    const target = await db.selectFrom(targetTables[follow.kind]).select('id').where('slug', '=', follow.slug).executeTakeFirst();
    if (!target) throw fail(`the document has no ${follow.kind} with the slug "${follow.slug}"`);
    await insertFollow(db, { reader, target: { kind: follow.kind, id: target.id, slug: follow.slug, name: '' }, confirmedAt: follow.createdAt, nonce: null, sentAt: null }, follow.createdAt);
  }
}
