import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/client';
import { restoreRevision, revisionList } from '../../api/posts';
import type { Post, Revision } from '../../api/types';
import { announce } from '../../components/announcer';
import { useStaff } from '../../session-context';
import { formatDate } from '../format';

export function RevisionsPanel({ post, onRestored }: { post: Post; onRestored: (post: Post) => void }) {
  const me = useStaff();
  // Read again for each saved revision of the post; only the answer for the newest shows.
  const listed = useQuery({ ...revisionList(post.id, post.revision), placeholderData: keepPreviousData });
  const revisions = listed.data;
  const error = listed.error ? describeError(listed.error) : null;

  const restore = async (revision: Revision) => {
    try {
      const restored = await restoreRevision(post.id, revision.id, post.revision);
      onRestored(restored);
      announce(`Restored the version from ${formatDate(revision.createdAt)}.`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  return (
    <aside className="side-panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {revisions && revisions.length === 0 && <p className="empty">No earlier versions yet.</p>}
      {revisions && revisions.length > 0 && (
        <ol className="revisions">
          {revisions.map((revision) => (
            <li key={revision.id}>
              <p>
                <strong>Revision {revision.revision}</strong>
                {revision.revision === post.revision && <span className="muted"> (current)</span>}
                <br />
                <span className="muted">
                  {formatDate(revision.createdAt)}
                  {revision.userId === me.id ? ' · by you' : ''}
                </span>
              </p>
              {revision.revision !== post.revision && (
                <button type="button" onClick={() => void restore(revision)} aria-label={`Restore the version from ${formatDate(revision.createdAt)}`}>
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
