import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { line } from '../content/text.js';
import * as repo from './api-key.repository.js';
import type { ApiKey } from './api-key.types.js';
import { atLeast, weaker } from './policy.js';
import { hashToken } from './secret.js';
import { toUser } from './user.repository.js';
import { staffRoles, type StaffUser } from './user.types.js';

export const apiKeyInput = z
  .object({
    name: line(120, 1),
    role: z.enum(staffRoles, { message: `must be one of ${staffRoles.join(', ')}` }).default('editor'),
  })
  .strict();

/** Last-used times are written at most this often per key, so busy integrations do not write on every call. */
const TOUCH_INTERVAL_MS = 60_000;

/** Admin API keys: made and revoked by administrators, stored as hashes, acting with their role. */
export class ApiKeyService {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** Creates a key; the returned secret is the only time anyone sees it. */
  async create(input: unknown, creator: StaffUser): Promise<{ key: ApiKey; secret: string }> {
    const data = parseInput(apiKeyInput, input);
    if (!atLeast(creator.role, data.role)) {
      throw AppError.validation([{ field: 'role', message: 'cannot be higher than your own role' }]);
    }
    const prefix = randomBytes(4).toString('hex');
    const secret = `mh_${prefix}_${randomBytes(24).toString('base64url')}`;
    const now = this.deps.clock().toISOString();
    const key = await repo.insertKey(this.deps.db, { name: data.name, keyHash: hashToken(secret), prefix: `mh_${prefix}`, role: data.role, createdBy: creator.id, now });
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return repo.listKeys(this.deps.db);
  }

  async revoke(id: number): Promise<ApiKey> {
    const key = await repo.revokeKey(this.deps.db, id, this.deps.clock().toISOString());
    if (!key) throw new AppError('API_KEY_NOT_FOUND', `No API key has the id ${id}.`);
    return key;
  }

  /**
   * Who a key acts as: the administrator who made it, limited to the key's role. A revoked key,
   * or one whose maker was suspended, stops working at once.
   */
  async authenticate(secret: string): Promise<StaffUser | undefined> {
    const found = await repo.findLiveKey(this.deps.db, hashToken(secret));
    if (!found || found.creator.status !== 'active') return undefined;
    const now = this.deps.clock();
    const lastUsed = found.key.lastUsedAt ? new Date(found.key.lastUsedAt).getTime() : 0;
    if (now.getTime() - lastUsed > TOUCH_INTERVAL_MS) await repo.touchKey(this.deps.db, found.key.id, now.toISOString());
    const creator = toUser(found.creator);
    return { ...creator, role: weaker(creator.role, found.key.role) };
  }
}
