import type { DbOrTx } from '../db/client.js';
import * as repo from './comment.repository.js';

/** A comment brought in from another platform, already shown there. */
export interface ImportedComment {
  /** Its id on the other platform, and the id of the comment it answers ('' or '0' for none). */
  externalId: string;
  parentExternalId: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601. */
  createdAt: string;
  /** Plain text. */
  body: string;
}

/**
 * Brings in a piece's comments, shown (approved) and never announced by email. A comment whose
 * author's address is a member's belongs to that member; the others keep their author's name.
 * Replies are one level deep here as on the site: a reply to a reply joins its top-level comment.
 * A comment already brought in (same piece, time, author and text) is not added again. Answers
 * how many were added.
 */
export async function importComments(db: DbOrTx, postId: number, comments: ImportedComment[], now: string): Promise<number> {
  const members = await repo.membersByEmail(
    db,
    comments.map((c) => c.authorEmail.trim().toLowerCase()).filter((e) => e !== ''),
  );
  const known = new Map(comments.map((c) => [c.externalId, c]));
  /** The top-level comment of a thread: follows parents up (a loop or a missing parent ends the walk). */
  const topOf = (comment: ImportedComment): ImportedComment => {
    const seen = new Set<string>();
    let at = comment;
    while (at.parentExternalId && at.parentExternalId !== '0' && known.has(at.parentExternalId) && !seen.has(at.externalId)) {
      seen.add(at.externalId);
      at = known.get(at.parentExternalId)!;
    }
    return at;
  };
  const placed = new Map<string, number>();
  let added = 0;
  const ordered = [...comments].sort((a, b) => Number(topOf(a) !== a) - Number(topOf(b) !== b));
  for (const comment of ordered) {
    const top = topOf(comment);
    const parentId = top === comment ? null : (placed.get(top.externalId) ?? null);
    const memberId = members.get(comment.authorEmail.trim().toLowerCase()) ?? null;
    const existing = await repo.findImported(db, { postId, createdAt: comment.createdAt, authorName: comment.authorName, body: comment.body });
    if (existing !== undefined) {
      placed.set(comment.externalId, existing);
      continue;
    }
    const row = await repo.insertComment(db, {
      post_id: postId,
      parent_id: parentId,
      member_id: memberId,
      author_name: comment.authorName,
      body: comment.body,
      status: 'approved',
      created_at: comment.createdAt,
      updated_at: now,
      notified_at: now,
    });
    placed.set(comment.externalId, row.id);
    added += 1;
  }
  return added;
}
