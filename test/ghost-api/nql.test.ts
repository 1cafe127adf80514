import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseFilter } from '../../src/ghost-api/query/nql.js';

describe('reading Ghost filters', () => {
  it('reads one-letter values before , ) and ], which Ghost’s own lexer cannot', () => {
    expect(parseFilter('tag:[a,b]')).toEqual({ kind: 'in', field: 'tag', negated: false, values: ['a', 'b'] });
    expect(parseFilter('(tag:a,tag:b)+featured:true')).toEqual({
      kind: 'and',
      nodes: [
        {
          kind: 'or',
          nodes: [
            { kind: 'compare', field: 'tag', op: '=', value: 'a' },
            { kind: 'compare', field: 'tag', op: '=', value: 'b' },
          ],
        },
        { kind: 'compare', field: 'featured', op: '=', value: true },
      ],
    });
  });

  it('keeps decimals whole instead of cutting them to their integer part', () => {
    expect(parseFilter('rating:>4.5')).toEqual({ kind: 'compare', field: 'rating', op: '>', value: '4.5' });
    expect(parseFilter('rating:>4')).toEqual({ kind: 'compare', field: 'rating', op: '>', value: 4 });
  });

  it('turns searches back into text, taken literally', () => {
    expect(parseFilter("title:~'a.b*(c)'")).toEqual({ kind: 'match', field: 'title', negated: false, mode: 'contains', text: 'a.b*(c)' });
    expect(parseFilter("title:-~^'Re'")).toEqual({ kind: 'match', field: 'title', negated: true, mode: 'starts', text: 'Re' });
    expect(parseFilter("title:~$'end$'")).toEqual({ kind: 'match', field: 'title', negated: false, mode: 'ends', text: 'end$' });
  });

  it('either reads any text or says why not, never failing otherwise', () => {
    const pieces = fc.constantFrom('tag', ':', 'a', 'b', 'film', '-', '+', ',', '(', ')', '[', ']', '~', '^', '$', '>', '<', '=', "'", '"', '\\', ' ', '1', '4.5', 'null', 'true', 'now-7d', '.', '_', 'é');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        try {
          parseFilter(parts.join(''));
        } catch (error) {
          expect(error).toBeInstanceOf(FilterSyntaxError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
