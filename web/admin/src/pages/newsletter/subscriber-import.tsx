import { useRef, useState, type FormEvent } from 'react';
import { importSubscribers, type ImportReport, type Newsletter } from '../../api/newsletter';
import { announce } from '../../components/announcer';
import { SelectField } from '../../components/field';
import { toProblem, type FormProblem } from '../auth-form';

const rowCount = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'}`;

/** Uploads a CSV of confirmed subscribers and shows what was taken and the rows that were not (the first thousand of them). */
export function ImportForm({ newsletters }: { newsletters: Newsletter[] }) {
  const file = useRef<HTMLInputElement>(null);
  const [newsletter, setNewsletter] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setProblem({ message: 'Choose a CSV file first.' });
      return;
    }
    setBusy(true);
    try {
      const result = await importSubscribers(chosen, newsletter || undefined);
      setReport(result);
      setProblem(null);
      announce(`Imported ${(result.added + result.updated).toLocaleString()} of ${rowCount(result.rows)}; ${rowCount(result.rejectedTotal)} rejected.`, { tone: result.rejectedTotal ? 'error' : 'info' });
    } catch (err) {
      setReport(null);
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="import" open={report !== null || problem !== null || undefined}>
      <summary>Import subscribers from a CSV file</summary>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Import subscribers">
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input id="import-file" ref={file} type="file" accept=".csv,text/csv" aria-describedby="import-hint" />
          <span id="import-hint" className="hint">
            An export from Substack, Mailchimp or Ghost, or any CSV with an email column. Everyone in it counts as confirmed.
          </span>
        </div>
        <SelectField label="Add them to" value={newsletter} onChange={(e) => setNewsletter(e.target.value)}>
          <option value="">The newsletters new signups get</option>
          {newsletters.map((n) => (
            <option key={n.slug} value={n.slug}>
              {n.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        {problem && (
          <p className="form-error" role="alert">
            {problem.message}
          </p>
        )}
      </form>
      {report && (
        <div className="import-report" role="region" aria-label="Import report">
          <p>
            Read {rowCount(report.rows)} as a {report.layout} export: {report.added.toLocaleString()} added, {report.updated.toLocaleString()} updated, {rowCount(report.rejectedTotal)} rejected.
          </p>
          {report.rejectedTotal > report.rejected.length && (
            <p>
              The first {report.rejected.length.toLocaleString()} rejected rows are listed; {(report.rejectedTotal - report.rejected.length).toLocaleString()} more were left out.
            </p>
          )}
          {report.rejected.length > 0 && (
            <table className="list">
              <caption>Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Address</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.email || <span className="muted">(empty)</span>}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </details>
  );
}
