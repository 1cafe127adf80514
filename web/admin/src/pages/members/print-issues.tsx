import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/client';
import { issueList, type PrintIssue } from '../../api/members';
import { siteZone } from '../../api/settings';
import { Link, navigate } from '../../router';
import { formatInZone } from '../../zoned-time';
import { formatDay } from '../format';

/** Where an issue stands: frozen, waiting for its cutoff, or past it and about to freeze. */
export function issueState(issue: PrintIssue, now = Date.now()): { label: string; badge: string } {
  if (issue.frozenAt) return { label: 'List frozen', badge: 'active' };
  if (Date.parse(issue.addressCutoff) <= now) return { label: 'Cutoff passed', badge: 'scheduled' };
  return { label: 'Taking addresses', badge: 'draft' };
}

export function PrintIssuesPage() {
  const read = useQuery(issueList);
  const zone = useQuery(siteZone).data;
  const issues = read.data;
  const error = read.error ? describeError(read.error) : null;

  return (
    <section>
      <div className="page-head">
        <h1>Print issues</h1>
        <button type="button" className="primary" onClick={() => navigate('/print/new')}>
          New issue
        </button>
      </div>
      <p>At an issue's address cutoff its fulfilment list freezes: every paid-up print subscriber with a complete address, one line each, ready for the mailing house.</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {issues && issues.length === 0 && <p className="empty">No print issues yet.</p>}
      {issues && issues.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">Print issues, latest first</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">On sale</th>
              <th scope="col">Address cutoff</th>
              <th scope="col">Fulfilment list</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => {
              const state = issueState(issue);
              return (
                <tr key={issue.id}>
                  <th scope="row">
                    <Link to={`/print/${issue.id}`}>{issue.name}</Link>
                  </th>
                  <td>{formatDay(issue.onSaleDate)}</td>
                  <td>{zone && formatInZone(issue.addressCutoff, zone)}</td>
                  <td>
                    <span className={`badge badge-${state.badge}`}>{state.label}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
