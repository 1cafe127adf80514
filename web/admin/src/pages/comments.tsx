import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api/client';
import { allowMember, approveComment, commentList, commentSettings, deleteComment, hideComment, setCommentSettings, stopMember, type CommentAccess, type CommentStatus, type ModeratedComment } from '../api/comments';
import { announce } from '../components/announcer';
import { accesses, accessLabels, PieceCommentAccess } from '../components/piece-comment-access';
import { SelectField } from '../components/field';
import { navigate, useLocation } from '../router';
import { atLeast, useStaff } from '../session-context';
import { formatDate } from './format';

const statuses: Array<{ value: CommentStatus | 'all'; label: string }> = [
  { value: 'pending', label: 'Waiting for approval' },
  { value: 'approved', label: 'Shown' },
  { value: 'hidden', label: 'Hidden' },
  { value: 'all', label: 'All' },
];

/** The address of the screen with a filter: status (pending unless said) and piece (all unless said). */
function filterPath(status: string, postId: number | undefined): string {
  const query = new URLSearchParams({ status, ...(postId ? { post: String(postId) } : {}) });
  return `/comments?${query}`;
}

/**
 * Readers' comments: a queue of those waiting, filtered by status and piece. Editors approve, hide
 * and delete them and stop members from commenting; authors see comments on their own pieces.
 */
export function CommentsPage() {
  const staff = useStaff();
  const moderates = atLeast(staff.role, 'editor');
  const { search } = useLocation();
  const chosen = search.get('status') ?? 'pending';
  const status = statuses.some((s) => s.value === chosen) ? chosen : 'pending';
  const postId = Number(search.get('post')) || undefined;
  const read = useQuery(commentList({ status: status === 'all' ? undefined : (status as CommentStatus), postId }));
  const comments = read.data ?? null;

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      announce(done);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  return (
    <section>
      <h1>Comments</h1>
      <p>
        A member’s first comment and any comment with a link wait here for approval; later comments appear at once.
        {moderates ? '' : ' You see the comments on your own pieces; editors moderate them.'}
      </p>
      <div className="filters">
        {staff.role === 'administrator' && <SiteAccess act={act} />}
        {moderates && postId && <PieceCommentAccess postId={postId} />}
        <SelectField label="Show" value={status} onChange={(e) => navigate(filterPath(e.target.value, postId))}>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
        {postId && comments?.[0] && (
          <p>
            On “{comments[0].post.title}”{' '}
            <button type="button" onClick={() => navigate(filterPath(status, undefined))}>
              Show every piece
            </button>
          </p>
        )}
      </div>
      {read.error && (
        <p role="alert" className="form-error">
          {describeError(read.error)}
        </p>
      )}
      {comments && comments.length === 0 && <p className="empty">No comments here.</p>}
      {comments && comments.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Comment</th>
              <th scope="col">Piece</th>
              <th scope="col">Status</th>
              {moderates && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {comments.map((c) => (
              <CommentRow key={c.id} comment={c} moderates={moderates} onPiece={() => navigate(filterPath(status, c.post.id))} act={act} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CommentRow({ comment: c, moderates, onPiece, act }: { comment: ModeratedComment; moderates: boolean; onPiece: () => void; act: (work: () => Promise<unknown>, done: string) => Promise<void> }) {
  const who = c.authorName || 'Anonymous';
  const memberId = c.memberId;
  return (
    <tr>
      <td>
        <p className="comment-text">{c.body}</p>
        <span className="hint">
          {who}
          {c.memberEmail ? ` <${c.memberEmail}>` : c.memberId === null ? ' (imported)' : ''} · {formatDate(c.createdAt)}
          {c.parentId ? ' · a reply' : ''}
          {c.memberStopped ? ' · stopped from commenting' : ''}
        </span>
      </td>
      <td>
        <button type="button" className="link" onClick={onPiece} aria-label={`Only comments on “${c.post.title}”`}>
          {c.post.title}
        </button>{' '}
        <a href={`/${c.post.slug}/#comments`} target="_blank" rel="noreferrer">
          View<span className="visually-hidden"> “{c.post.title}” on the site</span>
        </a>
      </td>
      <td>{c.status === 'pending' ? 'Waiting' : c.status === 'approved' ? 'Shown' : 'Hidden'}</td>
      {moderates && (
        <td className="actions">
          {c.status !== 'approved' && (
            <button type="button" className="primary" onClick={() => void act(() => approveComment(c.id), `Comment by ${who} approved.`)}>
              Approve
            </button>
          )}
          {c.status !== 'hidden' && (
            <button type="button" onClick={() => void act(() => hideComment(c.id), `Comment by ${who} hidden.`)}>
              Hide
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              if (window.confirm(`Delete this comment by ${who} for good${c.parentId ? '' : ', with its replies'}?`)) void act(() => deleteComment(c.id), `Comment by ${who} deleted.`);
            }}
          >
            Delete
          </button>
          {memberId !== null &&
            (c.memberStopped ? (
              <button type="button" onClick={() => void act(() => allowMember(memberId), `${who} may comment again.`)}>
                Allow {who} to comment
              </button>
            ) : (
              <button type="button" onClick={() => void act(() => stopMember(memberId), `${who} can no longer comment.`)}>
                Stop {who} commenting
              </button>
            ))}
        </td>
      )}
    </tr>
  );
}

/** Who may comment on pieces without a rule of their own (administrators). */
function SiteAccess({ act }: { act: (work: () => Promise<unknown>, done: string) => Promise<void> }) {
  const read = useQuery(commentSettings);
  if (!read.data) return null;
  return (
    <SelectField label="Who may comment" value={read.data} onChange={(e) => void act(() => setCommentSettings(e.target.value as CommentAccess), 'Comment setting saved.')}>
      {accesses.map((a) => (
        <option key={a} value={a}>
          {accessLabels[a]}
        </option>
      ))}
    </SelectField>
  );
}
