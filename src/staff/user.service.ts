import argon2 from 'argon2';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { line } from '../content/text.js';
import { inTransaction } from '../db/client.js';
import { deleteSessionsOf } from './auth.repository.js';
import { allUsers, countActiveAdministrators, countUsers, findUserByEmail, findUserById, insertUser, toUser, updateUser } from './user.repository.js';
import { staffRoles, type StaffRole, type StaffUser } from './user.types.js';

export const password = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');
const roleSchema = z.enum(staffRoles, { message: `must be one of ${staffRoles.join(', ')}` });

export const userInput = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ message: 'must be an email address' })),
    name: line(120, 1),
    role: roleSchema,
    password: password.optional(),
  })
  .strict();

/** Hashing settings: argon2id with OWASP's recommended minimums. */
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, hashOptions);
}

export const inviteInput = z.object({ email: userInput.shape.email, role: roleSchema }).strict();
export const roleChangeInput = z.object({ role: roleSchema }).strict();

export class UserService {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** Creates a staff account; without a password, the person sets one through an emailed link later. */
  async create(input: unknown): Promise<StaffUser> {
    const data = parseInput(userInput, input);
    const passwordHash = data.password ? await hashPassword(data.password) : null;
    try {
      return await insertUser(this.deps.db, { email: data.email, name: data.name, role: data.role, passwordHash, authorId: null }, this.deps.clock().toISOString());
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('EMAIL_TAKEN', `A staff user with ${data.email} already exists.`, [{ field: 'email', message: 'is already in use' }]);
      }
      throw error;
    }
  }

  list(): Promise<StaffUser[]> {
    return allUsers(this.deps.db);
  }

  async count(): Promise<number> {
    return countUsers(this.deps.db);
  }

  async get(id: number): Promise<StaffUser> {
    const row = await findUserById(this.deps.db, id);
    if (!row) throw new AppError('USER_NOT_FOUND', `No staff user has the id ${id}.`);
    return toUser(row);
  }

  /**
   * The account an invitation goes to: a new invited account, or the existing one when the
   * person was invited before and has not accepted yet (the role is updated).
   */
  async invited(input: unknown): Promise<StaffUser> {
    const data = parseInput(inviteInput, input);
    const now = this.deps.clock().toISOString();
    const existing = await findUserByEmail(this.deps.db, data.email);
    if (existing && existing.status !== 'invited') {
      throw new AppError('EMAIL_TAKEN', `A staff user with ${data.email} already exists.`, [{ field: 'email', message: 'is already in use' }]);
    }
    if (existing) return (await updateUser(this.deps.db, existing.id, { role: data.role }, now))!;
    const user = { email: data.email, name: data.email, role: data.role, passwordHash: null, authorId: null, status: 'invited' as const };
    return insertUser(this.deps.db, user, now);
  }

  async changeRole(id: number, input: unknown): Promise<StaffUser> {
    const { role } = parseInput(roleChangeInput, input);
    return this.guardedChange(id, { role });
  }

  /** Suspends at once: every session ends and API keys the person made stop working. */
  async suspend(id: number): Promise<StaffUser> {
    return this.guardedChange(id, { status: 'suspended' });
  }

  async restore(id: number): Promise<StaffUser> {
    const user = await this.get(id);
    if (user.status !== 'suspended') return user;
    return (await updateUser(this.deps.db, id, { status: 'active' }, this.deps.clock().toISOString()))!;
  }

  /** Links the account to its public author profile (its byline). */
  async linkAuthor(id: number, authorId: number): Promise<StaffUser> {
    return (await updateUser(this.deps.db, id, { author_id: authorId }, this.deps.clock().toISOString()))!;
  }

  /** Role and status changes that must leave at least one active administrator. */
  private async guardedChange(id: number, change: { role?: StaffRole; status?: 'suspended' }): Promise<StaffUser> {
    return inTransaction(this.deps.db, async (tx) => {
      const row = await findUserById(tx, id);
      if (!row) throw new AppError('USER_NOT_FOUND', `No staff user has the id ${id}.`);
      const losesAdmin = row.role === 'administrator' && row.status === 'active' && (change.status === 'suspended' || (change.role && change.role !== 'administrator'));
      if (losesAdmin && (await countActiveAdministrators(tx)) <= 1) {
        throw new AppError('LAST_ADMINISTRATOR', 'The site needs at least one active administrator; promote someone else first.');
      }
      const updated = await updateUser(tx, id, change, this.deps.clock().toISOString());
      if (change.status === 'suspended') await deleteSessionsOf(tx, id);
      return updated!;
    });
  }
}
