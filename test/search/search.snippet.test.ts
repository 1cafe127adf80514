import { describe, expect, it } from 'vitest';
import { markPassage, snippetHtml } from '../../src/search/search.snippet.js';

const shown = (text: string, words: string[], size = 24) => snippetHtml(markPassage(text, words, size));

describe('passages marked for a prefix search', () => {
  it('marks every word that starts with a query word, keeping the text between them', async () => {
    expect(shown('Paper lanterns over the river. A lantern, again!', ['lant'])).toBe('Paper <mark>lanterns</mark> over the river. A <mark>lantern</mark>, again!');
  });

  it('compares without case or accents, as the index does', () => {
    expect(shown('The Café Müller opened late.', ['cafe', 'mull'])).toBe('The <mark>Café</mark> <mark>Müller</mark> opened late.');
  });

  it('shows a window around the first match, with ellipses where text was left out', () => {
    const text = Array.from({ length: 100 }, (_, i) => (i === 50 ? 'harbour' : `w${i}`)).join(' ');
    const passage = shown(text, ['harb'], 10);
    expect(passage).toBe('…w48 w49 <mark>harbour</mark> w51 w52 w53 w54 w55 w56 w57…');
  });

  it('answers nothing when no word matches, and escapes what it shows', () => {
    expect(markPassage('Nothing to see here.', ['lant'], 24)).toBe('');
    expect(shown('Fish & chips <b>by</b> the harbour', ['harb'])).toBe('Fish &amp; chips &lt;b&gt;by&lt;/b&gt; the <mark>harbour</mark>');
  });
});
