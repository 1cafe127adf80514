/**
 * How search compares letters: without case and without accents or other marks in the Latin,
 * Greek and Cyrillic scripts ("Été" = "ete", "Łódź" = "lodz", "ΣΟΦΌΣ" = "σοφος", "Ёлка" = "елка"),
 * one letter for one letter. Migration 0077 builds the same table into the index (its own copy, as
 * migrations never import app code); test/search/search.languages.test.ts checks that the two agree
 * for every letter.
 */

/** Letters that lose their mark or stroke but do not decompose in Unicode. */
const BASE_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ς: 'σ' };
/** Basic Latin capitals, Latin-1 and Latin Extended A and B, Greek, Cyrillic. */
const RANGES: Array<[number, number]> = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
];

/** The letter without marks, in lower case, if that is one letter. */
function foldLetter(letter: string): string {
  const base = letter.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
  if ([...base].length !== 1) return letter;
  return BASE_LETTERS[base] ?? base;
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code += 1) {
      const letter = String.fromCodePoint(code);
      // Compatibility letters (ĳ, ǆ, ϒ with marks …) are left as they are: the query's NFKC changes them.
      if (!/[\p{Lu}\p{Ll}]/u.test(letter) || letter.normalize('NFKD') !== letter.normalize('NFD')) continue;
      const folded = foldLetter(letter);
      if (folded !== letter) table.set(letter, folded);
    }
  }
  return table;
}

/** Every letter search folds, with what it becomes (each one character). */
export const FOLDED_LETTERS: ReadonlyMap<string, string> = buildTable();

const FOLDABLE = /[^\0-@\[-\x7f]/gu;

/**
 * Text as search compares it, letter for letter (the same length in UTF-16 units, so positions
 * in the folded text are positions in the original): the table above, else lower case where that
 * is one letter of the same length.
 */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, (letter) => {
    const folded = FOLDED_LETTERS.get(letter);
    if (folded) return folded;
    const lower = letter.toLowerCase();
    return lower.length === letter.length ? lower : letter;
  });
}

/** Scripts written without spaces between words: a query word in them is found anywhere in the text. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}
