import { z } from 'zod';
import { MAX_STORED_INTEGER } from './ids.js';

/**
 * Where a page of an admin list ends: the last row's id, and for lists ordered by a time first
 * (posts, by last change) that time too. The next page is read from there through the list's
 * index (`after`), so it costs the same however deep it is, unlike an offset that reads and skips
 * every row before it. Clients get it as an opaque string (`next`) and hand it back unchanged.
 */
export interface ListPosition {
  id: number;
  at?: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(position.at === undefined ? `${position.id}` : `${position.id} ${position.at}`).toString('base64url');
}

const idText = /^[1-9][0-9]{0,9}$/;
const timeText = /^[0-9][0-9T:.+Z-]{0,39}$/;

function decode(text: string): ListPosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(text)) return undefined;
  const [id, at, ...rest] = Buffer.from(text, 'base64url').toString('latin1').split(' ');
  if (rest.length > 0 || !idText.test(id ?? '') || Number(id) > MAX_STORED_INTEGER) return undefined;
  if (at === undefined) return { id: Number(id) };
  return timeText.test(at) ? { id: Number(id), at } : undefined;
}

const notCursor = { message: 'must be a next cursor from this list' };

/** The `after` query parameter of a list ordered by id (newest first). */
export const idCursor = z.string().refine((text) => {
  const position = decode(text);
  return position !== undefined && position.at === undefined;
}, notCursor);

/** The `after` query parameter of a list ordered by a time, then id (newest first). */
export const timeCursor = z.string().refine((text) => decode(text)?.at !== undefined, notCursor);

/** The position named by a cursor that `idCursor` or `timeCursor` accepted. */
export function cursorPosition(text: string): ListPosition {
  const position = decode(text);
  if (!position) throw new Error('an unchecked list cursor reached a query');
  return position;
}
