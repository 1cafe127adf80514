import { useState } from 'react';
import type { Post } from '../../api/types';
import { announce } from '../../components/announcer';
import { formatDate } from '../format';
import type { Draft } from './draft';

/**
 * Someone else saved this post since it was opened. Nothing is overwritten until the person
 * chooses: look at the other version, copy their own text, then take theirs or keep their own.
 */
export function ConflictBanner({ theirs, mine, onTakeTheirs, onKeepMine }: { theirs: Post; mine: Draft; onTakeTheirs: () => void; onKeepMine: () => void }) {
  const [showing, setShowing] = useState(false);
  const copy = async () => {
    const text = `${mine.title}\n\n${mine.body}`;
    try {
      await navigator.clipboard.writeText(text);
      announce('Your version is copied to the clipboard.');
    } catch {
      announce('The browser did not allow copying; select your text in the editor and copy it by hand.', { tone: 'error' });
    }
  };
  return (
    <div className="conflict" role="alert">
      <h2>Someone else saved this {theirs.type} while you were editing</h2>
      <p>Their version was saved {formatDate(theirs.updatedAt)}. Your changes are still here and have not been saved. Choose what to keep; nothing is overwritten until you do.</p>
      <div className="conflict-actions">
        <button type="button" aria-expanded={showing} onClick={() => setShowing(!showing)}>
          See their version
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy my version
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Use their version
        </button>
        <button type="button" className="danger" onClick={onKeepMine}>
          Replace theirs with mine
        </button>
      </div>
      {showing && (
        <article className="their-version" aria-label="Their version">
          <h3>{theirs.title}</h3>
          <div dangerouslySetInnerHTML={{ __html: theirs.html }} />
        </article>
      )}
    </div>
  );
}
