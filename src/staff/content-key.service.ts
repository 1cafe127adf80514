import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { line } from '../content/text.js';
import * as repo from './content-key.repository.js';
import type { ContentKey } from './content-key.types.js';
import { hashToken } from './secret.js';

export const contentKeyInput = z.object({ name: line(120, 1) }).strict();

/** Keys are 26 hex characters (104 random bits), the format Ghost's Content API clients accept. */
const CONTENT_KEY_BYTES = 13;

/** Last-used times are written at most this often per key, so busy front ends do not write on every read. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Content API keys: made and revoked by administrators, stored as hashes. A key only reads what
 * the public site shows; it never acts as a staff member. Keys made before keys took Ghost's
 * format (`mhc_…`) keep working.
 */
export class ContentKeyService {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** Creates a key; the returned secret is the only time anyone sees it. */
  async create(input: unknown, createdBy: number): Promise<{ key: ContentKey; secret: string }> {
    const data = parseInput(contentKeyInput, input);
    const secret = randomBytes(CONTENT_KEY_BYTES).toString('hex');
    const prefix = secret.slice(0, 8);
    const key = await repo.insertContentKey(this.deps.db, { name: data.name, keyHash: hashToken(secret), prefix, createdBy, now: this.now() });
    return { key, secret };
  }

  list(): Promise<ContentKey[]> {
    return repo.listContentKeys(this.deps.db);
  }

  async revoke(id: number): Promise<ContentKey> {
    const key = await repo.revokeContentKey(this.deps.db, id, this.now());
    if (!key) throw new AppError('CONTENT_KEY_NOT_FOUND', `No Content API key has the id ${id}.`);
    return key;
  }

  /** The live key with this secret; a revoked key stops working on the very next request. */
  async authenticate(secret: string): Promise<ContentKey | undefined> {
    const key = await repo.findLiveContentKey(this.deps.db, hashToken(secret));
    if (!key) return undefined;
    const now = this.deps.clock();
    const lastUsed = key.lastUsedAt ? new Date(key.lastUsedAt).getTime() : 0;
    if (now.getTime() - lastUsed > TOUCH_INTERVAL_MS) await repo.touchContentKey(this.deps.db, key.id, now.toISOString());
    return key;
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }
}
