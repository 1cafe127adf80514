import type { StaffRole } from './user.types.js';

/** An Admin API key for an integration. The secret itself is shown once, at creation, and never stored. */
export interface ApiKey {
  id: number;
  name: string;
  /** The first characters of the key, so people can tell keys apart. */
  prefix: string;
  role: StaffRole;
  createdBy: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
