import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oldAddressKey } from '../../src/portability/old-address.js';
import { importWordpress } from '../../src/portability/wordpress/wordpress.importer.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { smallMagazine, tempDir, writeFile } from './wordpress-support.js';

describe('the form old addresses are kept and looked up in', () => {
  it('does not depend on how a browser or crawler writes the address', () => {
    for (const written of ['/2024/01/15/Harbour-Notes', '/2024/01/15/harbour-notes/', '//2024//01/15/harbour-notes/?utm_source=news', '/2024/01/15/harbour%2Dnotes/#top']) {
      expect(oldAddressKey(written), written).toBe('/2024/01/15/harbour-notes');
    }
    expect(oldAddressKey('/greek/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF-2/')).toBe(oldAddressKey('/greek/%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2'));
  });

  it('keeps the one query parameter that names an item, at the root and under a folder', () => {
    expect(oldAddressKey('/?p=12')).toBe('/?p=12');
    expect(oldAddressKey('/index.php?p=12&preview=true')).toBe('/?p=12');
    expect(oldAddressKey('/?utm_source=x&page_id=7')).toBe('/?page_id=7');
    expect(oldAddressKey('/blog/?cat=3')).toBe('/blog?cat=3');
    expect(oldAddressKey('/?s=harbour')).toBe('/');
  });

  it('refuses what cannot be an address', () => {
    expect(oldAddressKey('harbour-notes')).toBeNull();
    expect(oldAddressKey(`/${'a'.repeat(1001)}`)).toBeNull();
    expect(oldAddressKey('/%00secret/')).toBeNull();
  });
});

describe.each(dialects)('old addresses of an imported site on %s', { timeout: 120_000 }, (dialect) => {
  let t: AppContext;
  const files = tempDir();

  beforeAll(async () => {
    t = await testApp(dialect);
    await importWordpress(t.services, writeFile(files.dir, 'site.xml', smallMagazine('https://old.example')), { fetchMedia: false });
  });
  afterAll(async () => {
    await t.close();
    files.remove();
  });

  const answer = async (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => {
    const response = await t.app.inject({ method, url });
    return [response.statusCode, response.headers.location];
  };

  it('answers permalinks and item queries with 301, however they are written', async () => {
    expect(await answer('/2024/01/15/harbour-notes/')).toEqual([301, '/harbour-notes/']);
    expect(await answer('/2024/01/15/Harbour-Notes')).toEqual([301, '/harbour-notes/']);
    expect(await answer('/?p=5')).toEqual([301, '/harbour-notes/']);
    expect(await answer('/index.php?p=5&utm_source=newsletter')).toEqual([301, '/harbour-notes/']);
    expect(await answer('/?page_id=7')).toEqual([301, '/about-us/']);
    expect(await answer('/2024/01/15/harbour-notes/', 'HEAD')).toEqual([301, '/harbour-notes/']);
  });

  it('leaves everything else as it was: pages that exist, the home page, unknown items, other methods', async () => {
    expect(await answer('/harbour-notes/')).toEqual([200, undefined]);
    expect(await answer('/?p=999')).toEqual([200, undefined]);
    expect(await answer('/?s=harbour')).toEqual([200, undefined]);
    expect(await answer('/2024/01/15/harbour-notes/', 'POST')).toEqual([404, undefined]);
    expect(await answer('/2024/01/15/no-such-piece/')).toEqual([404, undefined]);
  });

  it('leads nowhere once the piece is unpublished or deleted', async () => {
    const post = await t.services.posts.getBySlug('second-thoughts');
    await t.services.posts.unpublish(post.id);
    expect(await answer('/2024/01/15/second-thoughts/')).toEqual([404, undefined]);
    await t.services.posts.delete(post.id);
    expect(await answer('/?p=6')).toEqual([200, undefined]);
    const { n } = await t.store.db
      .selectFrom('old_addresses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('post_id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(0);
  });
});
