import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { parseInput } from '../errors/validate.js';
import type { ContentEvents } from '../content/content.events.js';
import { readSetting, writeSetting } from './settings.repository.js';
import { siteSettingsSchema, type SiteSettings } from './settings.schema.js';

const SITE_KEY = 'site';

/**
 * The description every site had before editors could leave it empty: it was stored with the first
 * change of any setting, so a stored copy says nothing about what the editors meant. Read as unwritten:
 * an English site shows the same words, any other shows its own language's line.
 */
const FORMER_DEFAULT_DESCRIPTION = 'An independent magazine.';

/** Site settings live in the database (administrators edit them); they are read often, so kept in memory. */
export class SettingsService {
  private cached: { written: SiteSettings; shown: SiteSettings } | undefined;

  constructor(private readonly deps: { db: Db; clock: Clock; events: ContentEvents; unwrittenDescription: (locale: string) => string }) {
    deps.events.on((change) => {
      if (change.kind === 'settings') this.cached = undefined;
    });
  }

  /** The settings as readers meet them: where the editors wrote no description, the theme's line in the site's language. */
  async site(): Promise<SiteSettings> {
    return (await this.load()).shown;
  }

  /** The settings as the editors wrote them (the admin edits these): an unwritten description is empty. */
  async written(): Promise<SiteSettings> {
    return (await this.load()).written;
  }

  /** Changes some settings; the rest keep their values. Answers them as written. */
  async updateSite(patch: unknown): Promise<SiteSettings> {
    const current = await this.written();
    const next = parseInput(siteSettingsSchema, { ...current, ...(isObject(patch) ? patch : { '(input)': patch }) });
    await writeSetting(this.deps.db, SITE_KEY, next, this.deps.clock().toISOString());
    this.cached = undefined;
    this.deps.events.emit({ kind: 'settings', slugs: [] });
    return next;
  }

  private async load(): Promise<{ written: SiteSettings; shown: SiteSettings }> {
    if (!this.cached) {
      const stored = siteSettingsSchema.parse((await readSetting(this.deps.db, SITE_KEY)) ?? {});
      const written = stored.description === FORMER_DEFAULT_DESCRIPTION ? { ...stored, description: '' } : stored;
      const shown = written.description ? written : { ...written, description: this.deps.unwrittenDescription(written.locale) };
      this.cached = { written, shown };
    }
    return this.cached;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
