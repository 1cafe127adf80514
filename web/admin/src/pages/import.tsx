import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { discardImport, importDetail, importList, inProgress, startImport, uploadExport, type ImportReport, type ImportRun, type ImportRunSummary, type ReportKind } from '../api/imports';
import { announce } from '../components/announcer';
import { Link } from '../router';
import { formatDate } from './format';

/** How often the page asks again while an import is queued or running. */
const POLL_MS = 1000;

const platforms = { wordpress: 'WordPress', ghost: 'Ghost', substack: 'Substack' } as const;
const kinds: Array<[ReportKind, string]> = [
  ['post', 'Posts'],
  ['page', 'Pages'],
  ['section', 'Sections'],
  ['tag', 'Tags'],
  ['author', 'Authors'],
  ['image', 'Images'],
  ['address', 'Old addresses'],
];
const stateLabels = { checked: 'checked', queued: 'waiting', running: 'importing', done: 'imported', failed: 'failed', discarded: 'discarded', expired: 'expired' } as const;

type Upload = { kind: 'sending'; sent: number; total: number } | { kind: 'checking' };

/** Moving in (administrators): upload an export, read the dry run's report, import, follow it. */
export function ImportPage() {
  const queries = useQueryClient();
  const list = useQuery({ ...importList, refetchInterval: (query) => (query.state.data?.imports.some(inProgress) ? POLL_MS : false) });
  const runs = list.data?.imports ?? null;
  const maxBytes = list.data?.maxBytes ?? 0;
  const [failure, setFailure] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [fetchImages, setFetchImages] = useState(false);
  /** The import shown: on opening, the one still open (checked, waiting or running), if any; it stays shown once done. */
  const [shownId, setShownId] = useState<number | null>(null);
  const open = runs?.find((r) => r.state === 'checked' || inProgress(r));
  if (shownId === null && open) setShownId(open.id);
  const shown = useQuery({
    ...importDetail(shownId ?? 0),
    enabled: shownId !== null,
    refetchInterval: (query) => (query.state.data && inProgress(query.state.data) ? POLL_MS : false),
  });
  const current = shownId === null ? null : (shown.data ?? null);
  const readError = list.error ?? shown.error;
  const error = failure ?? (readError ? describeError(readError) : null);
  /** Changed after each upload, so the file field starts empty again. */
  const [picker, setPicker] = useState(0);

  const following = current !== null && inProgress(current);
  const busy = following || (runs?.some(inProgress) ?? false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setFailure(null);
    if (maxBytes && file.size > maxBytes) {
      setFailure(`The file is ${megabytes(file.size)}; this server takes exports of at most ${megabytes(maxBytes)} (IMPORT_MAX_MB).`);
      return;
    }
    setUpload({ kind: 'sending', sent: 0, total: file.size });
    try {
      const run = await uploadExport(file, fetchImages, (sent, total) => setUpload(sent >= total ? { kind: 'checking' } : { kind: 'sending', sent, total }));
      // The upload is sent outside the API client: the reads it changed are refreshed here.
      queries.setQueryData(importDetail(run.id).queryKey, run);
      void queries.invalidateQueries({ queryKey: importList.queryKey, exact: true });
      setShownId(run.id);
      setFile(null);
      setPicker((n) => n + 1);
      announce(`Checked: a ${platforms[run.platform]} export. Nothing is imported until you press Import.`);
    } catch (err) {
      setFailure(describeError(err));
    } finally {
      setUpload(null);
    }
  };

  // Starting or discarding reads the list and the import again (see api/query-client).
  const act = async (work: () => Promise<ImportRun>, done: string) => {
    try {
      await work();
      announce(done);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  return (
    <section className="imports">
      <h1>Import</h1>
      <p>
        Move a site in from WordPress (Tools → Export → All content), Ghost (Settings → Migration → Export content) or Substack (Settings → Exports). Masthead tells the platform from the file, checks it with a dry run
        and shows what would happen; nothing changes until you press Import. Running the same export again adds nothing twice.
      </p>
      <form className="card import-upload" onSubmit={(e) => void send(e)} aria-label="Upload an export">
        <label htmlFor="import-file">Export file</label>
        <input
          key={picker}
          id="import-file"
          type="file"
          accept=".xml,.json,.zip,application/xml,text/xml,application/json,application/zip"
          disabled={upload !== null}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p className="muted">WordPress WXR (.xml), Ghost JSON (.json) or Substack zip{maxBytes ? `, up to ${megabytes(maxBytes)}` : ''}. Substack images come from Substack.</p>
        <label className="checkbox">
          <input type="checkbox" checked={fetchImages} disabled={upload !== null} onChange={(e) => setFetchImages(e.target.checked)} /> WordPress: bring the images from the old site, which must still be online at a
          public address (otherwise they keep their old addresses)
        </label>
        <button type="submit" className="primary" disabled={!file || upload !== null || busy}>
          Upload and check
        </button>
        {busy && <span className="muted"> An import is running; the next can be uploaded when it ends.</span>}
        {upload?.kind === 'sending' && (
          <p className="send-progress">
            <label htmlFor="upload-progress">Uploading</label> <progress id="upload-progress" max={Math.max(1, upload.total)} value={upload.sent} />{' '}
            <span>
              {Math.floor((upload.sent / Math.max(1, upload.total)) * 100)}% of {megabytes(upload.total)}
            </span>
          </p>
        )}
        {upload?.kind === 'checking' && <p role="status">Uploaded. Checking the export with a dry run…</p>}
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {current && (
        <RunCard
          key={current.id}
          run={current}
          onStart={() => void act(() => startImport(current.id), 'Import started. You can leave this page: it runs on the server.')}
          onDiscard={() => void act(() => discardImport(current.id), 'Upload discarded.')}
        />
      )}
      <History runs={runs} shown={current?.id ?? null} onShow={setShownId} />
    </section>
  );
}

function RunCard({ run, onStart, onDiscard }: { run: ImportRun; onStart: () => void; onDiscard: () => void }) {
  const report = run.report ?? run.preview;
  const headingId = `import-${run.id}`;
  return (
    <article className="card import-run" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {platforms[run.platform]} export <span className="muted">{run.fileName}</span> <span className={`badge badge-import-${run.state}`}>{stateLabels[run.state]}</span>
      </h2>
      <p className="muted">
        {report?.source ? `From ${report.source}` : ''} · {megabytes(run.fileSize)} · uploaded {formatDate(run.createdAt)}
        {run.platform === 'wordpress' && (run.fetchImages ? ' · images asked of the old site' : ' · images left on the old site')}
        {run.finishedAt && <> · ended {formatDate(run.finishedAt)}</>}
      </p>
      {(run.state === 'queued' || run.state === 'running') && <Progress run={run} />}
      {run.state === 'failed' && (
        <p role="alert" className="form-error">
          {run.error}
        </p>
      )}
      {run.state === 'done' && run.report && <Imported report={run.report} />}
      {run.state === 'checked' && (
        <p className="import-actions">
          <button type="button" className="primary" onClick={onStart}>
            Import
          </button>{' '}
          <button type="button" onClick={onDiscard}>
            Discard
          </button>
        </p>
      )}
      {report && <Report report={report} />}
    </article>
  );
}

function Progress({ run }: { run: ImportRun }) {
  const p = run.progress;
  return (
    <p className="send-progress" role="status">
      <label htmlFor={`import-progress-${run.id}`}>{run.state === 'queued' ? 'Waiting to start' : (p?.step ?? 'Starting')}</label>{' '}
      <progress id={`import-progress-${run.id}`} max={Math.max(1, p?.total ?? 1)} value={p?.done ?? 0} />{' '}
      {p && p.total > 0 && (
        <span>
          {p.done.toLocaleString()} of {p.total.toLocaleString()}
        </span>
      )}
    </p>
  );
}

function Imported({ report }: { report: ImportReport }) {
  const posts = report.posts;
  return (
    <div className="import-done">
      <p role="status">
        Imported.{' '}
        <a href="/" target="_blank" rel="noreferrer">
          View the site
        </a>{' '}
        · <Link to="/posts">All posts</Link>
      </p>
      {posts && posts.total > 0 && (
        <>
          <h3>Brought in or updated ({posts.total.toLocaleString()})</h3>
          <ul className="import-posts">
            {posts.items.map((p) => (
              <li key={p.id}>
                {p.status === 'published' ? (
                  <a href={`/${p.slug}/`} target="_blank" rel="noreferrer">
                    {p.title || p.slug}
                  </a>
                ) : (
                  <span>{p.title || p.slug}</span>
                )}{' '}
                <span className={`badge badge-${p.status}`}>{p.type === 'page' ? `page, ${p.status}` : p.status}</span> <Link to={`/${p.type === 'page' ? 'pages' : 'posts'}/${p.id}`}>Edit</Link>
              </li>
            ))}
          </ul>
          {posts.total > posts.items.length && <p className="muted">and {(posts.total - posts.items.length).toLocaleString()} more in the posts list.</p>}
        </>
      )}
    </div>
  );
}

const headings = { skipped: 'Skipped', changed: 'Changed on the way', doubtful: 'Worth a look' } as const;

function Report({ report }: { report: ImportReport }) {
  const totalOf = (kind: ReportKind) => Object.values(report.counts[kind] ?? {}).reduce((sum, n) => sum + n, 0);
  const rows = kinds.filter(([kind]) => totalOf(kind) > 0);
  const largest = Math.max(1, ...rows.map(([kind]) => totalOf(kind)));
  const verb = report.dryRun ? 'To create' : 'Created';
  return (
    <section className="import-report" aria-label={report.dryRun ? 'Dry-run report' : 'Import report'}>
      <h3>{report.dryRun ? 'What the import would do (dry run: nothing was changed)' : 'What the import did'}</h3>
      {rows.length === 0 ? (
        <p className="muted">The export holds nothing to import.</p>
      ) : (
        <table className="list import-counts">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">{verb}</th>
              <th scope="col">{report.dryRun ? 'To update' : 'Updated'}</th>
              <th scope="col">Already here</th>
              <th scope="col">Skipped</th>
              <th scope="col">
                <span className="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([kind, label]) => {
              const c = report.counts[kind];
              const total = totalOf(kind);
              return (
                <tr key={kind}>
                  <th scope="row">{label}</th>
                  <td>{c.created.toLocaleString()}</td>
                  <td>{c.updated.toLocaleString()}</td>
                  <td>{c.unchanged.toLocaleString()}</td>
                  <td>{c.skipped.toLocaleString()}</td>
                  <td aria-hidden="true" className="import-bar-cell">
                    <span className="import-bar" style={{ width: `${(total / largest) * 100}%` }}>
                      {(['created', 'updated', 'unchanged', 'skipped'] as const).map((o) => c[o] > 0 && <span key={o} className={`import-bar-${o}`} style={{ flexGrow: c[o] }} />)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > 0 && (
        <p className="muted import-legend" aria-hidden="true">
          <span className="import-bar-created" /> {verb.toLowerCase()} <span className="import-bar-updated" /> {report.dryRun ? 'to update' : 'updated'} <span className="import-bar-unchanged" /> already here{' '}
          <span className="import-bar-skipped" /> skipped
        </p>
      )}
      {report.facts.length > 0 && (
        <ul className="import-facts">
          {report.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      {(['skipped', 'changed', 'doubtful'] as const).map((level) => {
        const notes = report.notes.filter((n) => n.level === level);
        if (notes.length === 0) return null;
        return (
          <details key={level} className={`import-notes import-notes-${level}`} open={level === 'skipped' && notes.length <= 20}>
            <summary>
              {headings[level]} ({notes.length.toLocaleString()})
            </summary>
            <ul>
              {notes.map((n, i) => (
                <li key={i}>
                  <strong>{n.item}</strong>: {n.reason}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      <details className="import-text">
        <summary>The report as text</summary>
        <pre>{report.text}</pre>
      </details>
    </section>
  );
}

function History({ runs, shown, onShow }: { runs: ImportRunSummary[] | null; shown: number | null; onShow: (id: number) => void }) {
  if (!runs) return null;
  if (runs.length === 0) return <p className="muted">No imports yet.</p>;
  return (
    <section aria-labelledby="import-history">
      <h2 id="import-history">Past imports</h2>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Uploaded</th>
            <th scope="col">From</th>
            <th scope="col">File</th>
            <th scope="col">State</th>
            <th scope="col">Result</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} aria-current={run.id === shown ? 'true' : undefined}>
              <td>{formatDate(run.createdAt)}</td>
              <td>{platforms[run.platform]}</td>
              <td>{run.fileName}</td>
              <td>
                <span className={`badge badge-import-${run.state}`}>{stateLabels[run.state]}</span>
              </td>
              <td>{summary(run)}</td>
              <td>
                {run.id !== shown && (
                  <button type="button" onClick={() => onShow(run.id)}>
                    Show
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function summary(run: ImportRunSummary): string {
  if (run.state === 'failed') return run.error ?? 'failed';
  const o = run.outcome;
  if (!o) return '';
  return `${o.posts} posts, ${o.pages} pages ${o.dryRun ? 'to create' : 'created'}; ${o.notes} notes`;
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
