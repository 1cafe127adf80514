import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Author } from '../../src/content/index.js';
import * as foldMigration from '../../src/db/migrations/0077-fold-search-languages.js';
import { FOLDED_LETTERS } from '../../src/search/search.fold.js';
import { toTerms } from '../../src/search/search.query.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';
import { makeAuthor, postFields } from '../support/factories.js';

const titles = (results: { hits: Array<{ post: { title: string } }> }) => results.hits.map((h) => h.post.title);

/** Reviews and reports in six languages, each with words that differ from how readers type them. */
const pieces = {
  german: {
    title: 'Die Tänzerin aus der Fußgängerzone',
    body: 'Eine Filmkritik: Die Hauptdarstellerin überzeugt in diesem Liebesdrama über Straßenbahnfahrer in München.',
  },
  french: {
    title: "Un été à l'Hôtel-Dieu",
    body: "L'été dernier, nous avons découvert un théâtre où les élèves répétaient Molière jusqu'à l'aube.",
  },
  polish: {
    title: 'Łódź nocą',
    body: 'Szkoła filmowa w Łodzi wychowała reżyserów, których żółte plakaty wiszą dziś w każdym kinie.',
  },
  russian: {
    title: 'Ёлка в Большом театре',
    body: 'Премьера балета «Щелкунчик» прошла в Большом театре; зрители аплодировали стоя.',
  },
  greek: {
    title: 'ΣΟΦΌΣ ΚΑΙ ΑΘΏΟΣ',
    body: 'Η ταινία του νέου σκηνοθέτη γυρίστηκε στην Αθήνα το περασμένο καλοκαίρι.',
  },
  japanese: {
    title: '東京の小さな映画館',
    body: '昨日、渋谷の映画館で新しいアニメーション映画を観ました。とても感動的な物語でした。',
  },
};

describe.each(dialects)('search in many languages on %s', (dialect) => {
  let t: TestContext;
  let writer: Author;

  beforeEach(async () => {
    t = await testServices(dialect);
    writer = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi' });
  });
  afterEach(async () => t.close());

  const publishAll = async () => {
    for (const piece of Object.values(pieces)) await t.services.posts.create(postFields([writer.slug], { status: 'published', ...piece }));
  };
  const search = (q: string) => t.services.search.search({ q });
  const found = async (q: string) => titles(await search(q));
  const snippet = async (q: string) => (await search(q)).hits[0]?.snippet;

  it('finds German words without umlauts or case, compounds whole and by their start', async () => {
    await publishAll();
    for (const q of ['munchen ', 'MÜNCHEN ', 'straßenbahnfahrer ', 'hauptdarst', 'tanzerin fußganger']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [pieces.german.title] });
    }
    expect(await snippet('munchen ')).toContain('Straßenbahnfahrer in <mark>München</mark>.');
  });

  it("finds French words without accents and after an elision (l'été)", async () => {
    await publishAll();
    for (const q of ['ete ', "l'été ", 'THEATRE ', 'eleves repetaient ', 'moliere', 'hotel dieu ']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [pieces.french.title] });
    }
    expect(await snippet('theatre ')).toContain('découvert un <mark>théâtre</mark> où');
  });

  it('finds Polish words typed without ł, ż, ś or ó, and inflected forms by their start', async () => {
    await publishAll();
    for (const q of ['lodz', 'lodzi ', 'Łódź ', 'szkola ', 'zolte plakaty ', 'REŻYSERÓW ', 'noca ']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [pieces.polish.title] });
    }
    expect(await snippet('szkola ')).toContain('<mark>Szkoła</mark> filmowa w Łodzi');
  });

  it('finds Russian words in any case, with ё typed as е', async () => {
    await publishAll();
    for (const q of ['елка ', 'ЁЛКА ', 'щелкунчик ', 'большом театре ', 'аплодир']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [pieces.russian.title] });
    }
    expect(await snippet('ЩЕЛКУНЧИК ')).toContain('«<mark>Щелкунчик</mark>»');
  });

  it('finds Greek words in any case and without accents, a final sigma as any sigma', async () => {
    await publishAll();
    for (const q of ['σοφος ', 'σοφός και αθώος ', 'ΑΘΗΝΑ ', 'σκηνοθετη ', 'καλοκαιρ']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [pieces.greek.title] });
    }
    expect(await snippet('αθηνα ')).toContain('στην <mark>Αθήνα</mark> το');
  });

  it('finds Japanese words anywhere in text written without spaces, also with other words', async () => {
    await publishAll();
    for (const q of ['映画館', '映画', 'アニメーション', '渋谷 感動', '東京の小さな']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [pieces.japanese.title] });
    }
    expect(await found('京都')).toEqual([]);
    expect(await snippet('感動')).toContain('とても<mark>感動</mark>的な物語');
    await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Tokyo notes', body: 'Anime at the 映画館 in Shibuya.' }));
    expect(await found('映画館 shibuya ')).toEqual(['Tokyo notes']);
  });

  it('folds every letter of the query as the index folds it', async () => {
    const letters = [...FOLDED_LETTERS.keys()];
    const word = (letter: string, i: number) => `q${letter}q${i}`;
    await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Alphabet', body: letters.map(word).join(' ') }));
    // Asked of the index directly: one search per letter through the service would take minutes.
    const indexed = async (folded: string) => {
      const { rows } = await (dialect === 'postgres'
        ? sql<{ n: number }>`select count(*)::integer as n from post_search where document @@ to_tsquery('english', ${`'${folded}'`})`
        : sql<{ n: number }>`select count(*) as n from post_search where post_search match ${`"${folded}"`}`
      ).execute(t.store.db);
      return rows[0]!.n;
    };
    const missed: string[] = [];
    for (const [i, letter] of letters.entries()) {
      const folded = word(FOLDED_LETTERS.get(letter)!, i);
      if (toTerms(`${word(letter, i)} `).words[0] !== folded || (await indexed(folded)) !== 1) missed.push(letter);
    }
    expect(missed).toEqual([]);
    expect(titles(await search(`${word('Ą', letters.indexOf('Ą'))} `))).toEqual(['Alphabet']);
  });

  it('rebuilds the index of pieces written before it folded letters', async () => {
    // The search index as it was before migration 0077, the rest of the schema as it is now.
    await foldMigration.down(t.store.db);
    await publishAll();
    await foldMigration.up(t.store.db);
    expect(await found('ete ')).toEqual([pieces.french.title]);
    expect(await found('映画')).toEqual([pieces.japanese.title]);
    expect(await found('ΑΘΗΝΑ ')).toEqual([pieces.greek.title]);
  });
});
