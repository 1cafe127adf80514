/** A Content API key: lets an integration or front end read published content. The secret is shown once. */
export interface ContentKey {
  id: number;
  name: string;
  /** The first characters of the key, so people can tell keys apart. */
  prefix: string;
  createdBy: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
