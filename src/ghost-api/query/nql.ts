import { createRequire } from 'node:module';

/**
 * Ghost's filter language (NQL), read with Ghost's own parser (@tryghost/nql-lang) into a small
 * typed tree. Two lexer rules of the parser are corrected here, on private copies (the shared
 * parser is left untouched):
 * - a one-letter value followed by `,` `)` or `]` did not lex (`tag:[a,b]`, `(tag:a,tag:b)`);
 * - a decimal number was cut to its whole part (`rating:>4.5` meant `>4`); it now stays text and
 *   the field it is compared with decides what it means.
 * Errors say where the filter went wrong, by character.
 */

export type Scalar = string | number | boolean | null;
type Comparison = '=' | '!=' | '>' | '<' | '>=' | '<=';

export type Condition =
  | { kind: 'compare'; field: string; op: Comparison; value: Scalar }
  | { kind: 'in'; field: string; negated: boolean; values: Scalar[] }
  | { kind: 'all'; field: string; values: Scalar[] }
  | { kind: 'match'; field: string; negated: boolean; mode: 'contains' | 'starts' | 'ends'; text: string };

export type FilterNode = Condition | { kind: 'and'; nodes: FilterNode[] } | { kind: 'or'; nodes: FilterNode[] };

/** A filter that cannot be read; the message says what and where. */
export class FilterSyntaxError extends Error {}

/** Filters longer than this are refused before parsing. */
const MAX_FILTER_LENGTH = 4000;
/** Conditions and listed values a filter may hold, and how deep parentheses may nest. */
const FILTER_LIMITS = { conditions: 100, values: 500, depth: 10 } as const;

interface JisonLexer {
  rules: RegExp[];
  matched: string;
  _input: string;
  setInput(input: string, yy: unknown): unknown;
  parseError(message: string, hash: unknown): never;
}
interface JisonParser {
  lexer: JisonLexer;
  yy: Record<string, unknown>;
  parse(input: string, options: Record<string, unknown>): unknown;
}

const ONE_LETTER = String.raw`^(?:([a-zA-Z])(?![a-zA-Z'"\,\(\)\>\<=\[\]\~]))`;
const NUMBER = String.raw`^(?:[0-9]+(\.[0-9]+)?\b(?![\-]))`;
const corrected: Record<string, RegExp> = {
  [ONE_LETTER]: /^(?:([a-zA-Z])(?![a-zA-Z'"(<>=[~]))/,
  [NUMBER]: /^(?:[0-9]+\b(?![-.]))/,
};

// Each parse lexes with a fresh object made from the corrected lexer; parsing is synchronous, so
// the one in use is known while an error is reported.
let lexing: JisonLexer | undefined;
let corrections: JisonParser | undefined;

/**
 * The corrected parser, made on the first filter read: Ghost's parser and its scope (which loads
 * a date library of its own) stay out of memory on a site no client sends a filter to.
 */
function nqlParser(): JisonParser {
  if (corrections) return corrections;
  const require = createRequire(import.meta.url);
  const base = (require('@tryghost/nql-lang/dist/parser.js') as { parser: JisonParser }).parser;
  const scope = require('@tryghost/nql-lang/lib/scope.js') as Record<string, unknown>;
  if (base.lexer.rules.filter((rule) => corrected[rule.source]).length !== 2) {
    throw new Error('@tryghost/nql-lang changed its lexer rules; review the corrections in src/ghost-api/query/nql.ts');
  }
  const lexer: JisonLexer = Object.create(base.lexer);
  lexer.rules = base.lexer.rules.map((rule) => corrected[rule.source] ?? rule);
  lexer.setInput = function start(this: JisonLexer, input, yy) {
    lexing = this;
    return base.lexer.setInput.call(this, input, yy);
  };
  lexer.parseError = function unrecognised(this: JisonLexer): never {
    throw new FilterSyntaxError(`unrecognised text "${this._input.slice(0, 10)}" at character ${this.matched.length + 1}`);
  };
  const parser: JisonParser = Object.create(base);
  parser.lexer = lexer;
  parser.yy = {
    ...scope,
    preserveRelativeDates: false,
    parseError(_message: string, hash: { token?: string | null; text?: string }): never {
      if (hash.token === 'EOF' || !hash.text) throw new FilterSyntaxError('the filter ends where a value or a closing bracket was expected');
      const at = (lexing?.matched.length ?? hash.text.length) - hash.text.length + 1;
      throw new FilterSyntaxError(`unexpected "${hash.text}" at character ${at}`);
    },
  };
  corrections = parser;
  return parser;
}

/** Reads an NQL filter into a tree of conditions; throws FilterSyntaxError naming the problem. */
export function parseFilter(input: string): FilterNode {
  if (input.length > MAX_FILTER_LENGTH) throw new FilterSyntaxError(`the filter is longer than ${MAX_FILTER_LENGTH} characters`);
  if (input.trim() === '') throw new FilterSyntaxError('the filter is empty');
  const tree = toNode(nqlParser().parse(input, {}), 0);
  const counts = { conditions: 0, values: 0 };
  measure(tree, counts);
  if (counts.conditions > FILTER_LIMITS.conditions) throw new FilterSyntaxError(`the filter has more than ${FILTER_LIMITS.conditions} conditions`);
  if (counts.values > FILTER_LIMITS.values) throw new FilterSyntaxError(`the filter lists more than ${FILTER_LIMITS.values} values`);
  return tree;
}

const operators: Record<string, Comparison> = { $ne: '!=', $gt: '>', $lt: '<', $gte: '>=', $lte: '<=' };

function toNode(json: unknown, depth: number): FilterNode {
  if (depth > FILTER_LIMITS.depth) throw new FilterSyntaxError(`and/or groups nest deeper than ${FILTER_LIMITS.depth} levels`);
  const [key, value] = Object.entries(json as Record<string, unknown>)[0]!;
  // The parser wraps groups it has not merged into an and/or list as {yg: …}; only and/or nest.
  if (key === 'yg') return toNode(value, depth);
  if (key === '$and' || key === '$or') {
    const nodes = (value as unknown[]).map((part) => toNode(part, depth + 1));
    return key === '$and' ? { kind: 'and', nodes } : { kind: 'or', nodes };
  }
  return toCondition(key, value);
}

function toCondition(field: string, value: unknown): Condition {
  if (value === null || typeof value !== 'object') return { kind: 'compare', field, op: '=', value: value as Scalar };
  const [op, operand] = Object.entries(value)[0]!;
  if (op === '$in' || op === '$nin') return { kind: 'in', field, negated: op === '$nin', values: operand as Scalar[] };
  if (op === '$all') return { kind: 'all', field, values: operand as Scalar[] };
  if (op === '$regex' || op === '$not') return { kind: 'match', field, negated: op === '$not', ...fromPattern(operand as RegExp) };
  const comparison = operators[op];
  if (!comparison) throw new FilterSyntaxError(`unsupported operator on ${field}`);
  return { kind: 'compare', field, op: comparison, value: operand as Scalar };
}

/** The parser turns `~'x'`, `~^'x'` and `~$'x'` into case-insensitive patterns; this turns them back. */
function fromPattern(pattern: RegExp): { mode: 'contains' | 'starts' | 'ends'; text: string } {
  let source = pattern.source;
  let mode: 'contains' | 'starts' | 'ends' = 'contains';
  if (source.startsWith('^')) {
    mode = 'starts';
    source = source.slice(1);
  } else if (source.endsWith('$') && !source.endsWith('\\$')) {
    mode = 'ends';
    source = source.slice(0, -1);
  }
  return { mode, text: source.replace(/\\(.)/g, '$1') };
}

function measure(node: FilterNode, counts: { conditions: number; values: number }): void {
  if (node.kind === 'and' || node.kind === 'or') {
    for (const part of node.nodes) measure(part, counts);
    return;
  }
  counts.conditions += 1;
  counts.values += node.kind === 'in' || node.kind === 'all' ? node.values.length : 1;
}
