import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api/client';
import { commentSettings, postCommentAccess, setPostCommentAccess, type CommentAccess } from '../api/comments';
import { announce } from './announcer';
import { SelectField } from './field';

export const accessLabels: Record<CommentAccess, string> = { off: 'Nobody (comments off)', members: 'Signed-in members', paid: 'Paying members only' };
export const accesses = Object.keys(accessLabels) as CommentAccess[];

/**
 * Who may comment on one piece: its own rule or the site's. Saved at once on its own (not part of
 * the post's draft), for editors and up, as the API allows.
 */
export function PieceCommentAccess({ postId }: { postId: number }) {
  const read = useQuery(postCommentAccess(postId));
  const site = useQuery(commentSettings);
  if (!read.data || !site.data) return null;
  const save = async (access: CommentAccess | 'inherit') => {
    try {
      await setPostCommentAccess(postId, access);
      announce('Comment setting of the piece saved.');
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };
  return (
    <SelectField label="Who may comment on this piece" value={read.data.own ?? 'inherit'} onChange={(e) => void save(e.target.value as CommentAccess | 'inherit')}>
      <option value="inherit">As the site ({accessLabels[site.data]})</option>
      {accesses.map((a) => (
        <option key={a} value={a}>
          {accessLabels[a]}
        </option>
      ))}
    </SelectField>
  );
}
