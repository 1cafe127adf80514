import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/client';
import { createIssue, deleteIssue, freezeIssue, issueDetail, updateIssue, type PrintIssue } from '../../api/members';
import { siteZone } from '../../api/settings';
import { announce } from '../../components/announcer';
import { FormError, TextField } from '../../components/field';
import { MediaPicker } from '../../components/media-picker';
import { Link, navigate } from '../../router';
import { toProblem, type FormProblem } from '../auth-form';
import { formatInZone, wallTimeIn } from '../../zoned-time';
import { formatDate } from '../format';
import { Fulfilment } from './fulfilment';
import { summary } from './labels';
import { issueState } from './print-issues';

/** A new print issue (`id` "new") or an existing one: its details, freezing, and the frozen list. */
export function PrintIssuePage({ id }: { id: string }) {
  const isNew = id === 'new';
  // Saving, freezing or deleting reads the issue again (see api/query-client).
  const read = useQuery({ ...issueDetail(Number(id)), enabled: !isNew });
  const zoneRead = useQuery(siteZone);
  const zone = zoneRead.data;
  const issue = isNew ? null : (read.data ?? null);
  const failed = (read.error && !read.data) || (zoneRead.error && !zone);
  const error = failed ? describeError(read.error ?? zoneRead.error) : null;

  if (error) {
    return (
      <section>
        <h1>Print issue</h1>
        <p role="alert" className="form-error">
          {error}
        </p>
        <p>
          <Link to="/print">Back to print issues</Link>
        </p>
      </section>
    );
  }
  if ((!isNew && !issue) || !zone) return <p role="status">Loading…</p>;
  const frozen = issue?.frozenAt ?? null;
  const cutoffPassed = issue !== null && Date.parse(issue.addressCutoff) <= Date.now();
  return (
    <section>
      <p>
        <Link to="/print">← Print issues</Link>
      </p>
      <h1>{issue ? issue.name : 'New print issue'}</h1>
      {issue && (
        <p>
          <span className={`badge badge-${issueState(issue).badge}`}>{issueState(issue).label}</span>
          {frozen && <span className="muted"> on {formatDate(frozen)}</span>}
        </p>
      )}
      <IssueForm
        key={issue?.id ?? 'new'}
        issue={issue}
        zone={zone}
        onSaved={(saved) => {
          announce(`${saved.name} saved.`);
          if (isNew) navigate(`/print/${saved.id}`, { replace: true });
        }}
      />
      {issue && !frozen && !cutoffPassed && <FreezeNow issue={issue} zone={zone} />}
      {issue && (frozen || cutoffPassed) && <Fulfilment issueId={issue.id} />}
      {issue && !frozen && (
        <p>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void deleteIssue(issue.id).then(
                () => {
                  announce(`${issue.name} deleted.`);
                  navigate('/print');
                },
                (err: unknown) => announce(describeError(err), { tone: 'error' }),
              )
            }
          >
            Delete issue
          </button>
        </p>
      )}
    </section>
  );
}

function IssueForm({ issue, zone, onSaved }: { issue: PrintIssue | null; zone: string; onSaved: (issue: PrintIssue) => void }) {
  const [name, setName] = useState(issue?.name ?? '');
  const [cover, setCover] = useState<string | null>(issue?.coverImageUrl ?? null);
  const [onSale, setOnSale] = useState(issue?.onSaleDate ?? '');
  const initialCutoff = issue ? wallTimeIn(issue.addressCutoff, zone) : '';
  const [cutoff, setCutoff] = useState(initialCutoff);
  const [picking, setPicking] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => problem?.fields?.find((f) => f.field === field)?.message;
  const frozen = issue?.frozenAt !== null && issue !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The input shows minutes only: an untouched cutoff is sent back exactly as the server has it.
    // A typed one goes as a wall-clock time, which the server reads on the site's clock.
    const unchanged = issue !== null && cutoff === initialCutoff;
    const input = {
      name,
      coverImageUrl: cover,
      onSaleDate: onSale,
      addressCutoff: unchanged ? issue.addressCutoff : cutoff,
      ...(issue ? { slug: issue.slug } : {}),
    };
    setBusy(true);
    try {
      onSaved(issue ? await updateIssue(issue.id, input) : await createIssue(input));
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card issue-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Issue details">
      <FormError error={summary(problem, { name: 'Name', coverImageUrl: 'Cover image', onSaleDate: 'On-sale date', addressCutoff: 'Address cutoff', slug: 'Slug' })} />
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} hint='Such as "Winter 2026".' required />
      <div className="field">
        <span className="field-label" id="cover-label">
          Cover image
        </span>
        {cover ? <img className="cover-preview" src={cover} alt="The cover of this issue" /> : <p className="empty">No cover chosen.</p>}
        <div className="row">
          <button type="button" onClick={() => setPicking(true)} aria-describedby="cover-label">
            {cover ? 'Change cover' : 'Choose cover'}
          </button>
          {cover && (
            <button type="button" onClick={() => setCover(null)}>
              Remove cover
            </button>
          )}
        </div>
        {fieldError('coverImageUrl') && <span className="field-error">{fieldError('coverImageUrl')}</span>}
      </div>
      <div className="row">
        <TextField label="On-sale date" type="date" value={onSale} onChange={(e) => setOnSale(e.target.value)} error={fieldError('onSaleDate')} required />
        <TextField
          label={`Address cutoff (${zone} time)`}
          type="datetime-local"
          value={cutoff}
          onChange={(e) => setCutoff(e.target.value)}
          error={fieldError('addressCutoff')}
          hint={frozen ? 'The list is frozen: the cutoff cannot change.' : "On the site's clock. Addresses as they stand then are where the issue goes."}
          disabled={frozen}
          required
        />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {issue ? 'Save issue' : 'Create issue'}
      </button>
      {picking && (
        <MediaPicker
          onChoose={(item) => {
            setCover(item.url);
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </form>
  );
}

/** Freezing before the cutoff asks first: it moves the cutoff to now and cannot be undone. */
function FreezeNow({ issue, zone }: { issue: PrintIssue; zone: string }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const freeze = async () => {
    setBusy(true);
    try {
      const { report } = await freezeIssue(issue.id);
      announce(`List frozen: ${report.copies} copies to ${report.subscribers} subscribers${report.withoutAddress ? `; ${report.withoutAddress} left out without a complete address` : ''}.`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <section className="card freeze" aria-labelledby="freeze-title">
      <h2 id="freeze-title">Fulfilment list</h2>
      <p>The list freezes by itself at the cutoff, {formatInZone(issue.addressCutoff, zone)}.</p>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          Freeze now…
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="freeze-confirm" className="confirm">
          <p id="freeze-confirm">Freeze the list of {issue.name} now? The cutoff moves to this moment, every listed subscription counts down one issue, and it cannot be undone.</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void freeze()}>
            Freeze the list
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
