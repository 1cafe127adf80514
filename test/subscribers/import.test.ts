import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, testServices, type TestContext } from '../support/stores.js';
import { exportDocument, importDocument } from '../portability/site-document-support.js';

describe.each(dialects)('subscriber CSV import and export on %s', (dialect) => {
  let t: TestContext;

  beforeEach(async () => {
    t = await testServices(dialect);
  });
  afterEach(async () => t.close());

  const count = async () => (await t.services.subscribers.list({})).total;

  it('reads a Mailchimp export and reports each rejected row with its reason', async () => {
    const csv = [
      'Email Address,First Name,Last Name,MEMBER_RATING',
      'ada@example.com,Ada,Lovelace,2',
      'not-an-email,Bad,Row,1',
      ',Empty,Row,1',
      'ADA@example.com,Ada,Again,1',
      '"grace@example.com","Grace","Hopper",5',
    ].join('\r\n');
    const progress: number[] = [];
    const report = await t.services.subscribers.importCsv(Buffer.from(csv), { onProgress: (done) => progress.push(done) });
    expect(report).toMatchObject({ layout: 'Mailchimp', rows: 5, added: 2, updated: 0 });
    expect(report.rejected).toEqual([
      { line: 3, email: 'not-an-email', reason: 'not a valid email address' },
      { line: 4, email: '', reason: 'no email address' },
      { line: 5, email: 'ada@example.com', reason: 'the same address as line 2' },
    ]);
    expect(progress.at(-1)).toBe(2);
    const ada = await t.services.subscribers.find('ada@example.com');
    expect(ada).toMatchObject({ name: 'Ada Lovelace', status: 'confirmed', newsletters: ['weekly'] });
  });

  it('leaves out people Substack and Ghost say must not be emailed', async () => {
    const substack = await t.services.subscribers.importCsv(Buffer.from('email,active_subscription,email_disabled\na@example.com,true,false\nb@example.com,false,true\n'));
    expect(substack).toMatchObject({ layout: 'Substack', added: 1, rejected: [{ line: 3, reason: 'email disabled in the Substack export' }] });
    const ghost = await t.services.subscribers.importCsv(Buffer.from('id,email,name,subscribed_to_emails\n1,c@example.com,Cee,true\n2,d@example.com,Dee,false\n'));
    expect(ghost).toMatchObject({ layout: 'Ghost', added: 1, rejected: [{ line: 3, reason: 'not subscribed to emails in the Ghost export' }] });
  });

  it('refuses files in the wrong encoding or without an email column and imports nothing', async () => {
    const latin1 = Buffer.from('email,name\nzoe@example.com,Zo\xe9\n', 'latin1');
    await expect(t.services.subscribers.importCsv(latin1)).rejects.toMatchObject({ code: 'CSV_INVALID', message: expect.stringContaining('not UTF-8') });
    await expect(t.services.subscribers.importCsv(Buffer.from('mail,name\nzoe@example.com,Zoe\n'))).rejects.toMatchObject({
      code: 'CSV_INVALID',
      message: expect.stringContaining('No email column found (columns: mail, name)'),
    });
    await expect(t.services.subscribers.importCsv(Buffer.from('email\n"unclosed@example.com\n'))).rejects.toMatchObject({ code: 'CSV_INVALID' });
    await expect(t.services.subscribers.importCsv(Buffer.from('email\na@example.com\n'), { newsletter: 'nope' })).rejects.toMatchObject({ code: 'NEWSLETTER_NOT_FOUND' });
    expect(await count()).toBe(0);
  });

  it('reads a file arriving in small pieces, characters split between them, with its line numbers', async () => {
    const file = Buffer.from('\ufeffEmail Address,First Name,Last Name\r\nzoe@example.com,Zoë,Ångström\r\n\r\nnot-an-email,Bad,Row\r\nli@example.com,李,小龙\r\n');
    async function* pieces() {
      for (let at = 0; at < file.length; at += 3) yield file.subarray(at, at + 3);
    }
    const report = await t.services.subscribers.importCsv(pieces());
    expect(report).toMatchObject({ layout: 'Mailchimp', rows: 3, added: 2, rejected: [{ line: 4, email: 'not-an-email' }] });
    expect(await t.services.subscribers.find('zoe@example.com')).toMatchObject({ name: 'Zoë Ångström' });
    expect(await t.services.subscribers.find('li@example.com')).toMatchObject({ name: '李 小龙' });
  });

  it('refuses a file without an email column as soon as its header arrives, before the rest is sent', async () => {
    let finish = () => {};
    async function* header() {
      yield Buffer.from('name,city\nZoe,');
      await new Promise<void>((resolve) => (finish = resolve));
      yield Buffer.from('Oslo\n');
    }
    await expect(t.services.subscribers.importCsv(header())).rejects.toMatchObject({ code: 'CSV_INVALID', message: expect.stringContaining('No email column found (columns: name, city)') });
    finish();
    expect(await count()).toBe(0);
  });

  it('refuses bytes that are not UTF-8 wherever they are in the file, and a file cut inside a character', async () => {
    const good = Buffer.from(`email,name\n${'reader@example.com,Reader\n'.repeat(3000)}`);
    const late = Buffer.concat([good, Buffer.from('zoe@example.com,Zo\xe9\n', 'latin1')]);
    await expect(t.services.subscribers.importCsv(late)).rejects.toMatchObject({ code: 'CSV_INVALID', message: expect.stringContaining('not UTF-8') });
    const cut = Buffer.concat([good, Buffer.from('zoe@example.com,Zo'), Buffer.from('ë').subarray(0, 1)]);
    await expect(t.services.subscribers.importCsv(cut)).rejects.toMatchObject({ code: 'CSV_INVALID', message: expect.stringContaining('not UTF-8') });
    await expect(t.services.subscribers.importCsv(Buffer.from('\ufeffemail\n', 'utf16le'))).rejects.toMatchObject({ message: expect.stringContaining('UTF-16') });
    await expect(t.services.subscribers.importCsv(Buffer.alloc(0))).rejects.toMatchObject({ message: 'The file is empty.' });
    await expect(t.services.subscribers.importCsv(Buffer.from('\n\n'))).rejects.toMatchObject({ message: 'The file is empty.' });
    expect(await count()).toBe(0);
  });

  const held = async () =>
    (
      await t.store.db
        .selectFrom('subscriber_import_rows')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('reports rows read while the file is still arriving, and lets go of them when it ends', async () => {
    const reads: number[] = [];
    let finish = () => {};
    let readBeforeEnd = 0;
    async function* slow() {
      yield Buffer.from(`email,name\n${Array.from({ length: 1200 }, (_, i) => `early${i}@example.com,Early ${i}\n`).join('')}`);
      await new Promise<void>((resolve) => (finish = resolve));
      yield Buffer.from('late@example.com,Late\n');
    }
    const importing = t.services.subscribers.importCsv(slow(), { onRead: ({ rows }) => reads.push(rows) });
    await expect.poll(() => reads.at(-1) ?? 0).toBeGreaterThanOrEqual(1000);
    readBeforeEnd = reads.at(-1)!;
    expect(await count()).toBe(0);
    finish();
    const report = await importing;
    expect(readBeforeEnd).toBeLessThan(1201);
    expect(report).toMatchObject({ rows: 1201, added: 1201, rejected: [] });
    expect(reads.at(-1)).toBe(1201);
    expect(Number(await held())).toBe(0);
  });

  it('of 1,000 rows takes all but a bad address on row 900, and none when row 900 breaks the file', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `row${i}@example.com,Row ${i}`);
    const badAddress = lines.map((l, i) => (i === 899 ? 'row899-at-example.com,Bad' : l));
    const report = await t.services.subscribers.importCsv(Buffer.from(`email,name\n${badAddress.join('\n')}\n`));
    expect(report).toMatchObject({ rows: 1000, added: 999, rejected: [{ line: 901, email: 'row899-at-example.com', reason: 'not a valid email address' }] });
    const broken = lines.map((l, i) => `again-${i === 899 ? `${l},"unclosed` : l}`);
    await expect(t.services.subscribers.importCsv(Buffer.from(`email,name\n${broken.join('\n')}\n`))).rejects.toMatchObject({ code: 'CSV_INVALID' });
    expect(await count()).toBe(999);
    expect(Number(await held())).toBe(0);
  });

  it('lists the first 1,000 rejected rows of a file of bad rows and counts the rest', async () => {
    const file = Buffer.from(`email,name\n${',Nobody\n'.repeat(1500)}kept@example.com,Kept\nnot-an-address,Bad\n`);
    const report = await t.services.subscribers.importCsv(file);
    expect(report).toMatchObject({ rows: 1502, added: 1, rejectedTotal: 1501 });
    expect(report.rejected).toHaveLength(1000);
    expect(report.rejected[0]).toEqual({ line: 2, email: '', reason: 'no email address' });
    expect(report.rejected.at(-1)).toEqual({ line: 1001, email: '', reason: 'no email address' });
  });

  it('takes the same list imported twice at once, with no error and no address twice', async () => {
    const file = Buffer.from(`email\n${Array.from({ length: 1500 }, (_, i) => `twice${i}@example.com`).join('\n')}\n`);
    const [first, second] = await Promise.all([t.services.subscribers.importCsv(file), t.services.subscribers.importCsv(file)]);
    expect(first.added + second.added).toBe(1500);
    expect(first.added + first.updated).toBe(1500);
    expect(second.added + second.updated).toBe(1500);
    expect(await count()).toBe(1500);
  });

  it('exports subscribers as CSV that imports again, with formula cells defused', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email,name\none@example.com,"=HYPERLINK(""x"")"\ntwo@example.com,Two\n'));
    let csv = '';
    for await (const chunk of t.services.subscribers.exportCsv()) csv += chunk;
    expect(csv.split('\r\n')[0]).toBe('email,name,status,newsletters,created_at,confirmed_at,unsubscribed_at');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const other = await testServices(dialect);
    try {
      expect(await other.services.subscribers.importCsv(Buffer.from(csv))).toMatchObject({ added: 2, rejected: [] });
    } finally {
      await other.close();
    }
  });

  it('exports one subscriber’s data and erases it so an old list cannot bring the address back', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email,name\nerase@example.com,Erin\n'));
    expect(await t.services.subscribers.exportOne('erase@example.com')).toMatchObject({ email: 'erase@example.com', name: 'Erin', deliveries: [] });
    await t.services.subscribers.erase('erase@example.com');
    await expect(t.services.subscribers.find('erase@example.com')).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });
    const again = await t.services.subscribers.importCsv(Buffer.from('email\nerase@example.com\n'));
    expect(again.rejected).toEqual([{ line: 2, email: 'erase@example.com', reason: 'on the suppression list (unsubscribed)' }]);
  });

  it('carries newsletters, subscribers and their choices through a site export and import', async () => {
    await t.services.subscribers.createNewsletter({ slug: 'film', name: 'Film' });
    await t.services.subscribers.importCsv(Buffer.from('email,name\nfan@example.com,Fan\nleft@example.com,Left\n'), { newsletter: 'film' });
    const left = await t.services.subscribers.find('left@example.com');
    await t.services.subscribers.unsubscribe((await t.services.subscribers.links()).sign({ purpose: 'unsubscribe', subscriberId: left.id }));
    const document = await exportDocument(t.services);
    const other = await testServices(dialect);
    try {
      await importDocument(other.services, document);
      expect(await other.services.subscribers.find('fan@example.com')).toMatchObject({ name: 'Fan', status: 'confirmed', newsletters: ['film'] });
      expect(await other.services.subscribers.find('left@example.com')).toMatchObject({ status: 'unsubscribed', newsletters: [] });
      const again = await other.services.subscribers.importCsv(Buffer.from('email\nleft@example.com\n'));
      expect(again.rejected[0]?.reason).toBe('on the suppression list (unsubscribed)');
    } finally {
      await other.close();
    }
  });
});
