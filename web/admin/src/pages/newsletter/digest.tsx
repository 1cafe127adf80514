import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../api/client';
import { assembleDigest, digestDetail, digestList, previewUrl, updateDigest, type Digest, type DigestItem } from '../../api/newsletter';
import { announce } from '../../components/announcer';
import { SiteTime } from '../../components/site-time';
import { FormError, TextArea, TextField } from '../../components/field';
import { Link, navigate } from '../../router';
import { toProblem, type FormProblem } from '../auth-form';
import { AddPiece, DigestPieces } from './digest-pieces';
import { DigestDelivery } from './digest-delivery';

/** The digest builder: the upcoming draft (id null) or one digest by id. */
export function DigestPage({ id }: { id: number | null }) {
  // Saving a digest reads the list again (see api/query-client); the builder keeps its own copy.
  const list = useQuery(digestList);
  const chosen = useQuery({ ...digestDetail(id ?? 0), enabled: id !== null });
  const others = list.data ?? [];
  const digest = id !== null ? chosen.data : others.find((d) => d.state !== 'sent');
  const missing = id === null && list.data !== undefined && !digest;
  const [failure, setFailure] = useState<string | null>(null);
  const readError = list.error ?? chosen.error;
  const error = failure ?? (readError ? describeError(readError) : null);

  const assemble = async () => {
    try {
      const made = await assembleDigest();
      navigate(`/newsletter/digests/${made.id}`);
    } catch (err) {
      setFailure(describeError(err));
    }
  };

  return (
    <section>
      <h1>Digest</h1>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {missing && (
        <div className="card">
          <p>No digest is being prepared. The next one is assembled by itself before its slot, or assemble it now from this week’s published pieces.</p>
          <button type="button" className="primary" onClick={() => void assemble()}>
            Assemble the next digest
          </button>
        </div>
      )}
      {digest && <Builder key={digest.id} initial={digest} />}
      {others.length > 0 && (
        <nav aria-label="Recent digests" className="recent">
          <h2>Recent digests</h2>
          <ul>
            {others.map((d) => (
              <li key={d.id}>
                <Link to={`/newsletter/digests/${d.id}`} aria-current={digest?.id === d.id ? 'page' : undefined}>
                  {d.subject}
                </Link>
                <span className="muted">
                  {' '}
                  · <SiteTime at={d.slot} /> · <span className={`badge badge-${d.state}`}>{d.state}</span>
                </span>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}

function Builder({ initial }: { initial: Digest }) {
  const queries = useQueryClient();
  const [digest, setDigest] = useState(initial);
  const [text, setText] = useState({ subject: initial.subject, intro: initial.intro });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [version, setVersion] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(0);
  const sent = digest.state === 'sent';

  /**
   * Saves one change after the ones before it (so the server sees them in order), keeping the
   * pieces usable meanwhile; only the answer to the newest change is shown.
   */
  const save = (patch: Parameters<typeof updateDigest>[1], message: string): Promise<boolean> => {
    const ticket = (latest.current += 1);
    const run = queue.current.then(async () => {
      try {
        const saved = await updateDigest(digest.id, patch);
        if (ticket === latest.current) {
          setDigest(saved);
          setProblem(null);
          setVersion((v) => v + 1);
        }
        announce(message);
        return true;
      } catch (err) {
        setProblem(toProblem(err));
        announce(describeError(err), { tone: 'error' });
        return false;
      }
    });
    queue.current = run;
    return run;
  };

  const savePieces = (items: DigestItem[], message: string) => {
    // Optimistic: the list moves at once; the server's answer (with groups worked out) replaces it.
    setDigest((d) => ({ ...d, items }));
    void save({ items: items.map((i) => ({ postId: i.postId })) }, message).then((ok) => {
      if (!ok) void queries.fetchQuery(digestDetail(digest.id)).then(setDigest);
    });
  };

  const saveText = (event: FormEvent) => {
    event.preventDefault();
    void save({ subject: text.subject, intro: text.intro }, 'Subject and intro saved.');
  };
  const field = (name: string) => problem?.fields?.find((f) => f.field === name)?.message;

  return (
    <div className="digest">
      <p className="note">
        For <SiteTime at={digest.slot} /> · pieces published since <SiteTime at={digest.periodStart} /> · <span className={`badge badge-${digest.state}`}>{digest.state}</span>
        {digest.state === 'scheduled' && digest.scheduledAt && (
          <>
            {' '}
            · goes out <SiteTime at={digest.scheduledAt} />
          </>
        )}
        {digest.sendId !== null && (
          <>
            {' '}
            · <Link to="/newsletter/sends">see its send report</Link>
          </>
        )}
      </p>
      <div className="two-columns">
        <div>
          <form onSubmit={saveText} noValidate aria-label="Subject and intro">
            <FormError error={problem} />
            <TextField label="Subject" value={text.subject} disabled={sent} onChange={(e) => setText({ ...text, subject: e.target.value })} error={field('subject')} />
            <TextArea
              label="Intro"
              rows={5}
              value={text.intro}
              disabled={sent}
              onChange={(e) => setText({ ...text, intro: e.target.value })}
              error={field('intro')}
              hint="A few words from the editors, shown above the pieces."
            />
            <button type="submit" disabled={sent}>
              Save subject and intro
            </button>
          </form>
          <h2>Pieces</h2>
          <DigestPieces items={digest.items} disabled={sent} onChange={savePieces} />
          {field('items') && <p className="field-error">{field('items')}</p>}
          {!sent && (
            <AddPiece
              exclude={digest.items.map((i) => i.postId)}
              onAdd={(post) => savePieces([...digest.items, { postId: post.id, group: 'more', title: post.title, slug: post.slug, format: post.format }], `Added “${post.title}”.`)}
            />
          )}
          {!sent && <DigestDelivery digest={digest} onScheduled={setDigest} />}
        </div>
        <div>
          <h2>Preview</h2>
          <iframe className="email-preview" title="Preview of the digest email" sandbox="allow-same-origin" src={`${previewUrl(digest.id)}?v=${version}`} />
        </div>
      </div>
    </div>
  );
}
