import { useState } from 'react';

/**
 * The pages of a list read by cursor: each page starts after the `next` its predecessor answered,
 * so a deep page costs the server as little as the first. The cursors of the pages before the one
 * shown are kept, last on top, so Previous goes back exactly to where the page before began.
 */
export interface CursorPages {
  /** The cursor the shown page starts after; undefined on the first page. */
  after: string | undefined;
  /** How many pages come before the shown one. */
  depth: number;
  forward(next: string): void;
  back(): void;
  /** Back to the first page, as when the filter changes. */
  restart(): void;
}

/** `onTurn` is told when Previous or Next is pressed, e.g. to let go of rows selected on the page left. */
export function useCursorPages(onTurn?: () => void): CursorPages {
  const [trail, setTrail] = useState<string[]>([]);
  return {
    after: trail.at(-1),
    depth: trail.length,
    forward: (next) => {
      onTurn?.();
      setTrail((t) => [...t, next]);
    },
    back: () => {
      onTurn?.();
      setTrail((t) => t.slice(0, -1));
    },
    restart: () => setTrail((t) => (t.length === 0 ? t : [])),
  };
}

interface PagerProps {
  /** Names the navigation landmark, e.g. "Pages of subscribers". */
  label: string;
  pages: CursorPages;
  pageSize: number;
  /** Rows on the shown page. */
  shown: number;
  total: number;
  totalEstimated?: boolean;
  /** The shown page's `next`; null on the last page. */
  next: string | null | undefined;
  /** While the shown rows are still those of the page before, the buttons wait for the answer. */
  waiting: boolean;
}

/** Previous and Next for a list read by cursor, with where the shown rows sit in the whole list. */
export function CursorPager({ label, pages, pageSize, shown, total, totalEstimated = false, next, waiting }: PagerProps) {
  if (pages.depth === 0 && !next) return null;
  const first = pages.depth * pageSize + 1;
  const of = `${totalEstimated ? 'about ' : ''}${total.toLocaleString('en')}`;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={waiting || pages.depth === 0} onClick={pages.back}>
        Previous
      </button>
      <span>{shown === 0 ? `None past ${(first - 1).toLocaleString('en')} of ${of}` : `${first.toLocaleString('en')}–${(first + shown - 1).toLocaleString('en')} of ${of}`}</span>
      <button type="button" disabled={waiting || !next} onClick={() => next && pages.forward(next)}>
        Next
      </button>
    </nav>
  );
}
