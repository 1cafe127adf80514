import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { withoutIndentation } from '../../src/email/render.js';
import { MessageBuilder } from '../../src/newsletter/message.builder.js';
import { PREFERENCES_URL, UNSUBSCRIBE_URL } from '../../src/newsletter/placeholders.js';
import { testDkim } from '../support/dkim.js';

// Text that quoted-printable and DKIM's relaxed canonical form both have opinions about.
const awkward = [
  'Dear reader,',
  '',
  '\tIndented with a tab, and   three spaces inside, and two at the end  ',
  '.A line that starts with a dot',
  '.',
  `A very long line without breaks ${'word '.repeat(60)}that must be wrapped softly.`,
  'Non-ASCII: Ærø, “quotes”, 映画, and an emoji 🎬 that straddles a wrap if it likes.',
  'Equals = signs == and =3D literal text, and =_ which looks like a boundary.',
  `Leave: ${UNSUBSCRIBE_URL}`,
  `Choose: ${PREFERENCES_URL} (right after the link)`,
].join('\n');
const html = `<html>\n  <body>\n    <p style="margin:0;  padding:0">${awkward.replace(/\n/g, '<br>\n')}</p>\n    <a href="${UNSUBSCRIBE_URL}">Unsubscribe</a><a href="${PREFERENCES_URL}">Preferences</a>\n  </body>\n</html>`;

const links = {
  unsubscribe: `https://magazine.example/newsletter/unsubscribe/?token=${'a1b2c3=_'.repeat(20)}`,
  preferences: 'https://magazine.example/newsletter/preferences/?token=xyz',
};
const fill = (content: string) => content.replaceAll(UNSUBSCRIBE_URL, links.unsubscribe).replaceAll(PREFERENCES_URL, links.preferences);

describe('newsletter messages', () => {
  const dkim = testDkim();
  const settings = { subject: 'The week: “Past Lives”', from: { name: 'The Magazine', address: 'news@magazine.example' }, date: '2026-11-25T12:00:00.000Z', sendId: 7, dkim: dkim.key };
  const content = { text: awkward, html, newsletterName: 'Weekly', newsletterSlug: 'weekly' };

  it('decodes to exactly the rendered text and HTML with the reader’s own links, and the signature verifies', async () => {
    const raw = Buffer.concat(new MessageBuilder(content, settings).build({ to: 'reader@example.com', links }));
    const mail = await simpleParser(raw);
    expect(mail.text).toBe(fill(awkward));
    expect(mail.html).toBe(fill(html));
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe(`List-Unsubscribe: <${links.unsubscribe}>`);
    expect(mail.subject).toBe(settings.subject);
    expect(await dkim.verify(raw)).toEqual(['pass']);
  });

  it('keeps every line within 78 characters and the body already in relaxed canonical form', () => {
    const raw = Buffer.concat(new MessageBuilder(content, settings).build({ to: 'reader@example.com', links })).toString('latin1');
    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
    const lines = body.split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(body).not.toMatch(/\t| {2}| \r\n/);
    expect(body).not.toMatch(/(^|[^\r])\n/);
    expect(body.endsWith('--\r\n')).toBe(true);
  });

  it('writes long links with nothing to escape on soft-broken lines that decode to them exactly', async () => {
    const long = { unsubscribe: `https://magazine.example/newsletter/unsubscribe/?token=${'Ab9_-.~'.repeat(30)}`, preferences: `https://magazine.example/p/${'x'.repeat(150)}` };
    const raw = Buffer.concat(new MessageBuilder(content, settings).build({ to: 'reader@example.com', links: long }));
    const text = raw.toString('latin1');
    const lines = text.slice(text.indexOf('\r\n\r\n') + 4).split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(76);
    const mail = await simpleParser(raw);
    expect(mail.text).toContain(`Leave: ${long.unsubscribe}\nChoose: ${long.preferences} (right after the link)`);
    expect(mail.html).toContain(`<a href="${long.unsubscribe}">Unsubscribe</a><a href="${long.preferences}">Preferences</a>`);
    expect(await dkim.verify(raw)).toEqual(['pass']);
  });

  it('builds the same bytes on every thread of a send and a new Message-ID for each recipient', async () => {
    const shared = { ...settings, idPrefix: 'abc123' };
    const main = new MessageBuilder(content, shared);
    const worker = new MessageBuilder(content, shared);
    const first = main.address({ to: 'one@example.com', links });
    const second = main.address({ to: 'two@example.com', links });
    const signedElsewhere = Buffer.concat(main.bytes(second, worker.signature(second)));
    expect(await dkim.verify(signedElsewhere)).toEqual(['pass']);
    const ids = await Promise.all([Buffer.concat(main.bytes(first, undefined)), signedElsewhere].map(async (m) => (await simpleParser(m)).messageId));
    expect(new Set(ids).size).toBe(2);
  });

  it('gives members the rendering they may read and everyone else the public one', async () => {
    const builder = new MessageBuilder({ ...content, members: { text: 'For members', html: '<p>For members</p>' } }, settings);
    expect((await simpleParser(Buffer.concat(builder.build({ to: 'm@example.com', links, access: 'members' })))).text).toBe('For members');
    expect((await simpleParser(Buffer.concat(builder.build({ to: 'm@example.com', links, access: 'paid' })))).text).toBe(fill(awkward));
  });

  it('refuses a recipient address that would add a header', () => {
    expect(() => new MessageBuilder(content, settings).build({ to: 'x@example.com\r\nBcc: all@example.com', links })).toThrow(/line breaks/);
  });
});

describe('email HTML', () => {
  it('loses the indentation of its lines but keeps preformatted text exactly', () => {
    const html = '<table>\n    <tr>\n      <td>Text\n        more</td>\n    </tr>\n</table>\n<pre class="code">\n    indented code\n\tand a tab\n</pre>\n  <TEXTAREA>\n  kept\n</TEXTAREA >\n  <p>after</p>';
    expect(withoutIndentation(html)).toBe('<table>\n<tr>\n<td>Text\nmore</td>\n</tr>\n</table>\n<pre class="code">\n    indented code\n\tand a tab\n</pre>\n<TEXTAREA>\n  kept\n</TEXTAREA >\n<p>after</p>');
  });
});
