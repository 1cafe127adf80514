import argon2 from 'argon2';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { line } from '../content/text.js';
import { allUsers, countUsers, findUserByEmail, insertUser, toUser } from './user.repository.js';
import { staffRoles, type StaffUser } from './user.types.js';

export const userInput = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'must be an email address' })),
    name: line(120, 1),
    role: z.enum(staffRoles, { message: `must be one of ${staffRoles.join(', ')}` }),
    password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
  })
  .strict();

/** Hashing settings: argon2id with OWASP's recommended minimums. */
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class UserService {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** Creates a staff account; without a password, the person sets one through an emailed link later. */
  async create(input: unknown): Promise<StaffUser> {
    const data = parseInput(userInput, input);
    const passwordHash = data.password ? await argon2.hash(data.password, hashOptions) : null;
    try {
      return await insertUser(
        this.deps.db,
        { email: data.email, name: data.name, role: data.role, passwordHash, authorId: null },
        this.deps.clock().toISOString(),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('EMAIL_TAKEN', `A staff user with ${data.email} already exists.`, [
          { field: 'email', message: 'is already in use' },
        ]);
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

  async verifyPassword(email: string, password: string): Promise<StaffUser | undefined> {
    const row = await findUserByEmail(this.deps.db, email.trim().toLowerCase());
    if (!row?.password_hash || row.status !== 'active') return undefined;
    return (await argon2.verify(row.password_hash, password)) ? toUser(row) : undefined;
  }
}
