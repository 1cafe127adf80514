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

/** The longest a signed token may live, from issue to expiry, as Ghost's clients make them. */
const MAX_TOKEN_SECONDS = 5 * 60;
/** How far a client's clock may run ahead of ours before its fresh tokens look issued in the future (expiry allows none). */
const CLOCK_TOLERANCE_SECONDS = 60;
/** Tokens are a few hundred characters; anything far longer is not one of ours. */
const MAX_TOKEN_LENGTH = 2048;

const keyIdPattern = /^[0-9a-f]{24}$/;

/**
 * Admin API keys: made and revoked by administrators, acting with their role. A key is
 * `id:secret` (24 and 64 hex characters, the format of Ghost's Admin API keys). Sent whole as a
 * bearer token it is checked against its stored hash; Ghost's clients instead sign short-lived
 * HS256 tokens with the secret, which the server keeps to check them.
 */
export class ApiKeyService {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** Creates a key; the returned `id:secret` is the only time anyone sees it whole. */
  async create(input: unknown, creator: StaffUser): Promise<{ key: ApiKey; secret: string }> {
    const data = parseInput(apiKeyInput, input);
    if (!atLeast(creator.role, data.role)) {
      throw AppError.validation([{ field: 'role', message: 'cannot be higher than your own role' }]);
    }
    const keyId = randomBytes(12).toString('hex');
    const signingSecret = randomBytes(32).toString('hex');
    const secret = `${keyId}:${signingSecret}`;
    const now = this.deps.clock().toISOString();
    const key = await repo.insertKey(this.deps.db, {
      name: data.name,
      keyHash: hashToken(secret),
      prefix: keyId,
      role: data.role,
      createdBy: creator.id,
      now,
      keyId,
      signingSecret,
    });
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
   * Who a key sent whole acts as: the administrator who made it, limited to the key's role. A
   * revoked key, or one whose maker was suspended, stops working at once.
   */
  async authenticate(secret: string): Promise<StaffUser | undefined> {
    const found = await repo.findLiveKey(this.deps.db, { keyHash: hashToken(secret) });
    return found && this.actingAs(found);
  }

  /**
   * Who a token signed with a key acts as (the `Authorization: Ghost <token>` of Ghost's Admin
   * API clients). The token names its key in the `kid` header, is signed with HS256, is meant
   * for this API (`aud`, one of `audiences`) and lives at most five minutes from `iat` to `exp`.
   * Anything else is ADMIN_TOKEN_INVALID, saying what is wrong.
   */
  async authenticateToken(token: string, audiences: string[]): Promise<StaffUser> {
    const refuse = (reason: string) => new AppError('ADMIN_TOKEN_INVALID', `Invalid token: ${reason}.`);
    if (token.length > MAX_TOKEN_LENGTH) throw refuse('it is too long to be an Admin API token');
    // The JOSE library (~50 files) loads with the first token, not with the server.
    const { decodeProtectedHeader, errors: jose, jwtVerify } = await import('jose');
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw refuse('it is not a JSON Web Token');
    }
    if (header.alg !== 'HS256') throw refuse('it must be signed with HS256');
    if (typeof header.kid !== 'string' || !keyIdPattern.test(header.kid)) throw refuse('its "kid" header must be the id of an Admin API key');
    const found = await repo.findLiveKey(this.deps.db, { keyId: header.kid });
    if (!found?.signingSecret) throw new AppError('ADMIN_TOKEN_INVALID', 'Unknown Admin API key: it does not exist or was revoked.');
    const now = this.deps.clock();
    let claims;
    try {
      // Expiry is checked without leeway; only the issue time allows for a client clock ahead of ours.
      ({ payload: claims } = await jwtVerify(token, Buffer.from(found.signingSecret, 'hex'), {
        algorithms: ['HS256'],
        audience: audiences,
        requiredClaims: ['exp', 'iat'],
        currentDate: now,
      }));
    } catch (error) {
      if (error instanceof jose.JOSEError) throw refuse(error.message.replace(/\.$/, ''));
      throw error;
    }
    const iat = claims.iat!;
    const seconds = Math.floor(now.getTime() / 1000);
    if (iat > seconds + CLOCK_TOLERANCE_SECONDS) throw refuse('it is issued in the future');
    if (seconds - iat > MAX_TOKEN_SECONDS) throw refuse(`it was issued more than ${MAX_TOKEN_SECONDS / 60} minutes ago`);
    if (claims.exp! - iat > MAX_TOKEN_SECONDS) throw refuse(`it must expire at most ${MAX_TOKEN_SECONDS / 60} minutes after it was issued`);
    const staff = await this.actingAs(found);
    if (!staff) throw new AppError('ADMIN_TOKEN_INVALID', 'Unknown Admin API key: the person who made it no longer has access.');
    return staff;
  }

  private async actingAs(found: repo.LiveKey): Promise<StaffUser | undefined> {
    if (found.creator.status !== 'active') return undefined;
    const now = this.deps.clock();
    const lastUsed = found.key.lastUsedAt ? new Date(found.key.lastUsedAt).getTime() : 0;
    if (now.getTime() - lastUsed > TOUCH_INTERVAL_MS) await repo.touchKey(this.deps.db, found.key.id, now.toISOString());
    const creator = toUser(found.creator);
    return { ...creator, role: weaker(creator.role, found.key.role) };
  }
}
