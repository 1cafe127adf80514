import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWxr, type ReadRepairs } from '../../src/portability/wordpress/wxr.reader.js';
import type { WxrEntry } from '../../src/portability/wordpress/wxr.types.js';
import { fixture, fixtures, item, tempDir, writeFile, wxr } from './wordpress-support.js';

const temp = tempDir();
afterAll(() => temp.remove());

let counter = 0;
function file(content: string | Buffer): string {
  return writeFile(temp.dir, `export-${(counter += 1)}.xml`, content);
}

async function read(path: string, repairs?: ReadRepairs): Promise<WxrEntry[]> {
  const entries: WxrEntry[] = [];
  for await (const entry of readWxr(path, { repairs })) entries.push(entry);
  return entries;
}

async function refusal(content: string | Buffer): Promise<string> {
  const error = await read(file(content)).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('reading a WordPress export', () => {
  it("reads WordPress's theme unit test export: the site, its authors, terms and every item", async () => {
    const entries = await read(fixture(fixtures.unitTest));
    const site = entries.find((e) => e.kind === 'site');
    expect(site).toEqual({
      kind: 'site',
      site: { title: 'Theme Unit Test Data', link: 'https://wpthemetestdata.wordpress.com', baseSiteUrl: 'https://wordpress.com/', baseBlogUrl: 'https://wpthemetestdata.wordpress.com', version: '1.2' },
    });
    expect(entries.filter((e) => e.kind === 'author').map((e) => e.kind === 'author' && e.author.login)).toEqual(['themedemos', 'themereviewteam']);
    expect(entries.filter((e) => e.kind === 'term')).toHaveLength(185);
    const items = entries.flatMap((e) => (e.kind === 'item' ? [e.item] : []));
    expect(items).toHaveLength(186);
    const sticky = items.find((i) => i.id === '1241')!;
    expect(sticky).toMatchObject({ title: 'Template: Sticky', type: 'post', status: 'publish', sticky: true, name: 'template-sticky', creator: 'themedemos' });
    const protectedPost = items.find((i) => i.id === '1168')!;
    expect(protectedPost.password).toBe('enter');
    expect(protectedPost.comments).toEqual({ approved: 1, pending: 0, spam: 0, trash: 0, pings: 0 });
    const { approved, pending, spam, trash, pings } = items.find((i) => i.id === '1148')!.comments;
    expect([approved + pending + spam + trash, pings]).toEqual([20, 0]);
    expect(items.find((i) => i.id === '611')).toMatchObject({ type: 'attachment', attachmentUrl: 'https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg', parent: '555' });
  });

  it('reads older exports (WXR 1.0) and prefixes an export forgot to declare', async () => {
    const old = wxr([item({ id: 3, title: 'Old post' })])
      .replaceAll('export/1.2/', 'export/1.0/')
      .replace('<wp:wxr_version>1.2', '<wp:wxr_version>1.0')
      .replace(' xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/"', '');
    const items = (await read(file(old))).filter((e) => e.kind === 'item');
    expect(items).toMatchObject([{ kind: 'item', item: { id: '3', title: 'Old post', status: 'publish' } }]);
  });

  it('reads an export written in ISO-8859-1, and drops the control characters XML forbids, counting them', async () => {
    const latin = Buffer.from(wxr([item({ id: 4, title: 'Caf\u00e9 cr\u00e8me', content: 'Form\u000cfeed' })]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    const repairs: ReadRepairs = { droppedCharacters: 0, unreadableCharacters: 0 };
    const items = (await read(file(latin), repairs)).flatMap((e) => (e.kind === 'item' ? [e.item] : []));
    expect(items[0]).toMatchObject({ title: 'Café crème', content: 'Formfeed' });
    expect(repairs.droppedCharacters).toBe(1);
  });
});

describe('refusing what is not a WordPress export, or is unsafe to read', () => {
  it('refuses entity declarations: an XML bomb expands nothing', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
${wxr([item({ id: 1, title: '&lol3;' })]).replace(/^<\?xml[^>]*>\n/, '')}`;
    expect(await refusal(bomb)).toMatch(/declares a document type \(<!DOCTYPE>\) at line 2/);
  });

  it('refuses external entities without reading them', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n${wxr([item({ id: 1, title: '&secret;' })]).replace(/^<\?xml[^>]*>\n/, '')}`;
    const message = await refusal(xxe);
    expect(message).toMatch(/document type/);
    expect(message).not.toContain('root:');
  });

  it('refuses entities XML does not define', async () => {
    expect(await refusal(wxr([item({ id: 1 })]).replace('<title>Old Magazine</title>', '<title>Old &nbsp; Magazine</title>'))).toMatch(/^Line \d+ uses an entity XML does not define/);
  });

  it('refuses a truncated export', async () => {
    const whole = fs.readFileSync(fixture(fixtures.unitTest), 'utf8');
    expect(await refusal(whole.slice(0, Math.floor(whole.length / 2)))).toMatch(/^The file ends before the export does \(line \d+\): it looks truncated/);
  });

  it('refuses other files: an RSS feed, a web page, JSON, an empty file, an unknown export version', async () => {
    const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>A</title></item></channel></rss>';
    expect(await refusal(feed)).toMatch(/^This is an RSS feed, not a WordPress export/);
    expect(await refusal('<!doctype html><html><body>Hello</body></html>')).toMatch(/^This (file declares a document type|is not a WordPress export)/);
    expect(await refusal('<html><body>Hello</body></html>')).toMatch(/^This is not a WordPress export \(WXR\): the file is <html> XML/);
    expect(await refusal('{"posts": []}')).toMatch(/^This is not a WordPress export \(WXR\): it is not readable as XML/);
    expect(await refusal('')).toBe('The file is empty: it holds no WordPress export.');
    expect(await refusal(wxr([]).replace('<wp:wxr_version>1.2', '<wp:wxr_version>2.0'))).toMatch(/WXR version 2\.0; versions 1\.0 to 1\.2/);
    expect(await refusal(wxr([]).replace('<wp:wxr_version>1.2</wp:wxr_version>', ''))).toMatch(/has no <wp:wxr_version>/);
  });

  it('refuses fields too large to take in, naming the line', async () => {
    expect(await refusal(wxr([item({ id: 1, title: 'x'.repeat(100_001) })]))).toMatch(/^<title> at line \d+ is longer than 100,000 characters/);
    expect(await refusal(wxr([item({ id: 1, content: 'y'.repeat(4_000_001) })]))).toMatch(/longer than 4,000,000 characters/);
  });
});
