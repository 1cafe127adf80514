import type { DbOrTx } from '../db/client.js';
import type { UserRow } from '../db/tables.js';
import type { StaffRole, StaffUser } from './user.types.js';

export function toUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as StaffRole,
    status: row.status as StaffUser['status'],
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}

export async function insertUser(db: DbOrTx, user: { email: string; name: string; role: StaffRole; passwordHash: string | null; authorId: number | null; status?: 'active' | 'invited' }, now: string): Promise<StaffUser> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      status: user.status ?? 'active',
      password_hash: user.passwordHash,
      author_id: user.authorId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function allUsers(db: DbOrTx): Promise<StaffUser[]> {
  return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
}

export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(db: DbOrTx, id: number, change: Partial<Pick<UserRow, 'name' | 'role' | 'status' | 'password_hash' | 'author_id'>>, now: string): Promise<StaffUser | undefined> {
  const row = await db
    .updateTable('users')
    .set({ ...change, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function countActiveAdministrators(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
