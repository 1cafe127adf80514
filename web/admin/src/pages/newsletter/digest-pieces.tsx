import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { describeError } from '../../api/client';
import type { DigestItem } from '../../api/newsletter';
import { postList } from '../../api/posts';
import type { Post } from '../../api/types';
import { TextField } from '../../components/field';
import { useDebounced } from '../../components/use-debounced';

type Action = 'up' | 'down' | 'drop';

const groupLabel = (item: DigestItem, index: number) => (index === 0 ? 'Lead story' : item.group === 'reviews' ? 'Reviews' : item.group === 'more' || item.group === 'lead' ? 'More' : item.group);

/**
 * The pieces of a digest in reading order. Drag a piece by its row, or use its up and down
 * buttons (the keyboard way); the first piece is the lead story.
 */
export function DigestPieces({ items, disabled, onChange }: { items: DigestItem[]; disabled: boolean; onChange: (items: DigestItem[], message: string) => void }) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // The button to keep the keyboard on once the list has re-rendered (a moved row can lose focus).
  const refocus = useRef<{ postId: number; action: Action } | null>(null);

  useLayoutEffect(() => {
    const want = refocus.current;
    refocus.current = null;
    if (!want) return;
    const button = (action: Action) => list.current?.querySelector<HTMLButtonElement>(`button[data-action="${action}"][data-post="${want.postId}"]`);
    const target = button(want.action);
    (target && !target.disabled ? target : button(want.action === 'up' ? 'down' : want.action === 'down' ? 'up' : 'drop'))?.focus();
  }, [items]);

  const move = (from: number, to: number, action?: Action) => {
    if (from === to || to < 0 || to >= items.length) return;
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    if (action) refocus.current = { postId: item!.postId, action };
    onChange(next, `Moved “${item!.title}” to position ${to + 1} of ${items.length}.`);
  };
  const drop = (index: number) => {
    const neighbour = items[index + 1] ?? items[index - 1];
    if (neighbour) refocus.current = { postId: neighbour.postId, action: 'drop' };
    onChange(
      items.filter((_, i) => i !== index),
      `Dropped “${items[index]!.title}”.`,
    );
  };
  const onDrop = (event: DragEvent, to: number) => {
    event.preventDefault();
    if (dragging !== null) move(dragging, to);
    setDragging(null);
    setOver(null);
  };

  if (items.length === 0) return <p className="empty">No pieces yet. Add published pieces below.</p>;
  return (
    <ol className="pieces" aria-label="Pieces in reading order" ref={list}>
      {items.map((item, index) => (
        <li
          key={item.postId}
          className={`piece${dragging === index ? ' is-dragging' : ''}${over === index && dragging !== index ? ' is-over' : ''}`}
          draggable={!disabled}
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', String(item.postId));
            setDragging(index);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(index);
          }}
          onDragLeave={() => setOver((o) => (o === index ? null : o))}
          onDrop={(e) => onDrop(e, index)}
          onDragEnd={() => {
            setDragging(null);
            setOver(null);
          }}
        >
          <span className="piece-handle" aria-hidden="true">
            ⋮⋮
          </span>
          <span className="piece-title">
            {item.title}
            <span className="muted">
              {' '}
              · {groupLabel(item, index)}
              {item.format !== 'article' ? ` · ${item.format}` : ''}
            </span>
          </span>
          <span className="piece-actions">
            <button type="button" data-action="up" data-post={item.postId} disabled={disabled || index === 0} onClick={() => move(index, index - 1, 'up')} aria-label={`Move “${item.title}” up`}>
              ↑
            </button>
            <button type="button" data-action="down" data-post={item.postId} disabled={disabled || index === items.length - 1} onClick={() => move(index, index + 1, 'down')} aria-label={`Move “${item.title}” down`}>
              ↓
            </button>
            <button type="button" data-action="drop" data-post={item.postId} disabled={disabled} onClick={() => drop(index)} aria-label={`Drop “${item.title}”`}>
              Drop
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Finds published pieces as the editor types and adds the one chosen to the end of the digest. */
export function AddPiece({ exclude, onAdd }: { exclude: number[]; onAdd: (post: Post) => void }) {
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 200);
  const searching = q.trim().length >= 2 && term.length >= 2;
  const search = useQuery({ ...postList({ type: 'post', status: 'published', q: term, limit: 8 }), enabled: searching });
  const found = searching ? (search.data?.posts ?? null) : null;
  const error = searching && search.error ? describeError(search.error) : null;

  const shown = found?.filter((p) => !exclude.includes(p.id)) ?? [];
  return (
    <div className="add-piece" role="search" aria-label="Add a piece">
      <TextField label="Add a published piece" type="search" value={q} onChange={(e) => setQ(e.target.value)} hint="Type at least two letters of its title." autoComplete="off" />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {found && shown.length === 0 && <p className="muted">No other published piece matches.</p>}
        {shown.length > 0 && (
          <ul className="search-results" aria-label="Matching pieces">
            {shown.map((post) => (
              <li key={post.id}>
                <span>{post.title}</span>
                <button
                  type="button"
                  onClick={() => {
                    onAdd(post);
                    setQ('');
                  }}
                  aria-label={`Add “${post.title}”`}
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
