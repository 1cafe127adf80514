import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { parseInput } from '../errors/validate.js';
import type { ContentEvents } from '../content/content.events.js';
import { readSetting, writeSetting } from './settings.repository.js';
import { siteSettingsSchema, type SiteSettings } from './settings.schema.js';

const SITE_KEY = 'site';

/** Site settings live in the database (administrators edit them); they are read often, so kept in memory. */
export class SettingsService {
  private cached: SiteSettings | undefined;

  constructor(private readonly deps: { db: Db; clock: Clock; events: ContentEvents }) {
    deps.events.on((change) => {
      if (change.kind === 'settings') this.cached = undefined;
    });
  }

  async site(): Promise<SiteSettings> {
    if (!this.cached) {
      const stored = await readSetting(this.deps.db, SITE_KEY);
      this.cached = siteSettingsSchema.parse(stored ?? {});
    }
    return this.cached;
  }

  /** Changes some settings; the rest keep their values. */
  async updateSite(patch: unknown): Promise<SiteSettings> {
    const current = await this.site();
    const next = parseInput(siteSettingsSchema, { ...current, ...(isObject(patch) ? patch : { '(input)': patch }) });
    await writeSetting(this.deps.db, SITE_KEY, next, this.deps.clock().toISOString());
    this.cached = undefined;
    this.deps.events.emit({ kind: 'settings', slugs: [] });
    return next;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
