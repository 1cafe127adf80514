import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { readSetting, writeSetting } from '../../src/settings/index.js';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { catalogs } from '../support/locales.js';
import { dialects } from '../support/stores.js';

const ENGLISH_DEFAULT = 'An independent magazine.';
const german = translator(catalogs, 'de')('layout.description');

describe.each(dialects)('the description of a site whose editors wrote none (%s)', (dialect) => {
  let t: AppContext;
  let admin: AdminClient;

  beforeAll(async () => {
    t = await testApp(dialect);
    ({ client: admin } = await staffClient(t.app, t.services, 'administrator'));
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await admin.call('PATCH', '/admin/api/settings', { description: '', locale: 'en' });
  });

  /** Every place readers and machines read the description: meta tags, the home page's heading, JSON-LD, the RSS feed. */
  async function shownDescriptions(): Promise<string[]> {
    const home = (await t.app.inject('/')).body;
    const metas = [...home.matchAll(/<meta (?:name|property)="(?:description|og:description|twitter:description)" content="([^"]*)">/g)].map((m) => m[1]!);
    const heading = /<h1 class="visually-hidden">[^:<]*: ([^<]*)<\/h1>/.exec(home)![1]!;
    const graph = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(home)![1]!) as { '@graph': { '@type': string; description?: string }[] };
    const website = graph['@graph'].find((thing) => thing['@type'] === 'WebSite')!;
    const feed = (await t.app.inject('/rss/')).body;
    const channel = /<channel><title>[^<]*<\/title><link>[^<]*<\/link><description>([^<]*)<\/description>/.exec(feed)![1]!;
    expect(metas).toHaveLength(3);
    return [...metas, heading, website.description!, channel];
  }

  it('shows a German site’s own line everywhere, and stores no description once another setting changes', async () => {
    const res = await admin.call('PATCH', '/admin/api/settings', { locale: 'de', title: 'Halcyon' });
    expect(res.json().settings.description).toBe('');
    expect(((await readSetting(t.store.db, 'site')) as { description: string }).description).toBe('');
    expect((await admin.call('GET', '/admin/api/settings')).json().settings.description).toBe('');
    expect(await shownDescriptions()).toEqual(Array(6).fill(german));
  });

  it('reads the English line a site stored before as unwritten, and shows what editors wrote as written', async () => {
    const written = (await readSetting(t.store.db, 'site')) as Record<string, unknown>;
    await writeSetting(t.store.db, 'site', { ...written, locale: 'de', description: ENGLISH_DEFAULT }, new Date().toISOString());
    await t.services.settings.updateSite({ title: 'Halcyon' });
    expect((await admin.call('GET', '/admin/api/settings')).json().settings.description).toBe('');
    expect(await shownDescriptions()).toEqual(Array(6).fill(german));

    await admin.call('PATCH', '/admin/api/settings', { locale: 'en' });
    expect(await shownDescriptions()).toEqual(Array(6).fill(ENGLISH_DEFAULT));

    await admin.call('PATCH', '/admin/api/settings', { locale: 'de', description: 'Filme und Bühne aus Leipzig' });
    expect(await shownDescriptions()).toEqual(Array(6).fill('Filme und Bühne aus Leipzig'));
  });
});
