import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords, slugify } from '../../src/content/text.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe('slugs from titles in any script', () => {
  it.each([
    ['Łódź Film School', 'lodz-film-school'],
    ['Москва слезам не верит', 'moskva-slezam-ne-verit'],
    ['Αθήνα', 'athina'],
    ['Θεσσαλονίκη: ένα φεστιβάλ', 'thessaloniki-ena-festival'],
    ['Straße der Sehnsucht', 'strasse-der-sehnsucht'],
    ['Żółć i gęślą jaźń', 'zolc-i-gesla-jazn'],
    ['北京电影学院', 'bei-jing-dian-ying-xue-yuan'],
    ['ソウルの夜', 'sourunoye'],
    ['서울 영화제', 'seoul-yeonghwaje'],
    ['مهرجان القاهرة', 'mhrjn-lqhr'],
    ['Past Lives (2023)', 'past-lives-2023'],
    ['Rock & Roll’s “Best”', 'rock-and-rolls-best'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('still falls back to "untitled" when nothing readable is left, and stays within 180 characters', () => {
    expect(slugify('🎬 ✨')).toBe('untitled');
    expect(slugify('')).toBe('untitled');
    const long = slugify('東京'.repeat(200));
    expect(long.length).toBeLessThanOrEqual(180);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('words counted in any language', () => {
  it.each([
    ['de', 'Der Regisseur zeigt eine Stadt, die sich über Nacht verändert.', 10],
    ['pl', 'Łódzka Szkoła Filmowa kształci reżyserów od siedemdziesięciu lat.', 8],
    ['ru', 'Москва встречает фестиваль документального кино.', 5],
    ['el', 'Η Αθήνα φιλοξενεί ένα νέο φεστιβάλ κινηματογράφου.', 7],
    ['ar', 'يفتتح مهرجان القاهرة السينمائي دورته الجديدة هذا الأسبوع.', 8],
  ])('%s: %s', (_language, sentence, words) => {
    expect(countWords(sentence)).toBe(words);
  });

  it('counts the words of Japanese and Chinese, which are written without spaces, not one per sentence', () => {
    // 東京 / の / 映画祭 / は / 今年 / で / 三十 / 回目 / を / 迎え / ます
    const japanese = countWords('東京の映画祭は今年で三十回目を迎えます。');
    expect(japanese).toBeGreaterThanOrEqual(9);
    expect(japanese).toBeLessThanOrEqual(14);
    // 北京 / 电影 / 学院 / 今年 / 招收 / 了 / 新 / 的 / 学生
    const chinese = countWords('北京电影学院今年招收了新的学生。');
    expect(chinese).toBeGreaterThanOrEqual(7);
    expect(chinese).toBeLessThanOrEqual(10);
    expect(countWords('「東京」、そして。……')).toBe(2);
  });

  it('counts a long text as it counts the same text a word boundary at a time, in any mix of scripts and signs', () => {
    const pieces = [
      'harbour',
      'Łódź',
      'Москва',
      'Αθήνα',
      '東京の映画祭',
      '北京电影学院',
      "don't",
      '3.14',
      '1,000',
      'e.g.',
      'a_b',
      'é',
      '\u0301',
      '\u200d',
      '👩\u200d💻',
      '🇩🇪',
      ' ',
      '  ',
      '\u3000',
      '\n',
      '\r\n',
      '。',
      '！',
      '?',
      '!',
      '—',
      '"',
      "'",
      ':',
      'ｶﾞ',
      'ภาษาไทย',
      '한국어',
      'القاهرة',
      'עברית',
      '²',
      'ﾞ',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 5; round += 1) {
      let text = '';
      while (text.length < 12_000) text += pieces[next() % pieces.length];
      const whole = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).length;
      expect(countWords(text)).toBe(whole);
    }
  });

  it.each([
    ['German and Chinese', 'Der Regisseur zeigt eine Stadt, die sich über Nacht verändert. 北京电影学院今年招收了新的学生。'],
    ['Korean', '부산국제영화제가 올해 새로운 감독들을 소개합니다. '],
    ['Arabic', 'يفتتح مهرجان القاهرة السينمائي دورته الجديدة هذا الأسبوع. '],
  ])('counts the words of a body of 400,000 characters of %s in one paragraph at once, not in a time that grows with its square', (_language, sentence) => {
    const text = sentence.repeat(Math.ceil(400_000 / sentence.length));
    expect(countWords(text)).toBe(countWords(sentence) * Math.ceil(400_000 / sentence.length));
    // Four times the text takes about four times as long; segmented whole it took sixteen (42–120 s).
    expect(growth(sentence)).toBeLessThan(8);
  });

  it.each([
    [
      'Thai, which writes no spaces',
      '\u0e40\u0e17\u0e28\u0e01\u0e32\u0e25\u0e20\u0e32\u0e1e\u0e22\u0e19\u0e15\u0e23\u0e4c\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e\u0e40\u0e1b\u0e34\u0e14\u0e09\u0e32\u0e01\u0e43\u0e19\u0e2a\u0e31\u0e1b\u0e14\u0e32\u0e2b\u0e4c\u0e19\u0e35\u0e49',
    ],
    ['emoji with no space', '\u{1f3ac}'],
  ])('counts %s, 400,000 characters with nowhere a word surely ends, in a time that grows with its length', (_kind, unit) => {
    const text = unit.repeat(Math.ceil(400_000 / unit.length));
    const exact = countWords(unit) * Math.ceil(400_000 / unit.length);
    // Cut every 4,000 characters at worst: at most one word in 4,000 characters counted twice.
    expect(Math.abs(countWords(text) - exact)).toBeLessThanOrEqual(text.length / 4000 + 1);
    expect(growth(unit)).toBeLessThan(8);
  });
});

/** How much longer counting 400,000 characters of `unit` takes than 100,000 (the best of three each). */
function growth(unit: string): number {
  const best = (length: number) => {
    const text = unit.repeat(Math.ceil(length / unit.length));
    let fastest = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round += 1) {
      const began = performance.now();
      countWords(text);
      fastest = Math.min(fastest, performance.now() - began);
    }
    return Math.max(fastest, 0.5);
  };
  return best(400_000) / best(100_000);
}

describe.each(dialects)('posts in other languages (%s)', (dialect) => {
  let t: TestContext;
  let author: string;
  beforeAll(async () => {
    t = await testServices(dialect);
    author = (await makeAuthor(t.services)).slug;
  });
  afterAll(async () => t.close());

  it('a Russian title gets a readable slug, and a long Japanese essay a reading time from its words', async () => {
    const sentence = '東京の映画祭は今年で三十回目を迎えます。';
    const post = await t.services.posts.create(postFields([author], { title: 'Москва слезам не верит', body: sentence.repeat(200) }));
    expect(post.slug).toBe('moskva-slezam-ne-verit');
    expect(post.wordCount).toBe(countWords(sentence) * 200);
    expect(post.readingMinutes).toBeGreaterThan(5);
  });

  it('keeps a slug stored before: editing the title does not rewrite it', async () => {
    const post = await t.services.posts.create(postFields([author], { title: 'Łódź Film School' }));
    await t.store.db.updateTable('posts').set({ slug: 'odz-film-school' }).where('id', '=', post.id).execute();
    const edited = await t.services.posts.update(post.id, { title: 'Łódź Film School at seventy' });
    expect(edited.slug).toBe('odz-film-school');
  });
});
