import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/client';
import { tipReport, type TipReport } from '../../api/offers';
import { Link } from '../../router';
import { formatDate } from '../format';
import { formatMoney } from './money';

/** Minor-unit digits of a currency, as the browser knows it (tips carry only the code). */
function moneyOf(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  return formatMoney(minor, { currency, currencyDigits: digits });
}

/** Bars of the sums per month in one currency; each bar's label says the amount, so the chart reads without colour or hover. */
function MonthChart({ months, currency }: { months: TipReport['byMonth']; currency: string }) {
  const rows = months.filter((m) => m.currency === currency);
  const top = Math.max(1, ...rows.map((m) => m.amount));
  const monthName = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (
    <figure className="tip-chart">
      <figcaption>Tips per month ({currency.toUpperCase()})</figcaption>
      <ul>
        {rows.map((m) => (
          <li key={m.month}>
            <span className="tip-month">{monthName(m.month)}</span>
            <span className="tip-bar" style={{ width: `${Math.max(2, (m.amount / top) * 100)}%` }} aria-hidden="true" />
            <span className="tip-sum">
              {moneyOf(m.amount, currency)} · {m.count} {m.count === 1 ? 'tip' : 'tips'}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** One-off tips from readers: totals, a chart by month and the latest ones. */
export function TipsPage() {
  const read = useQuery(tipReport);
  const report = read.data;
  return (
    <section>
      <h1>Tips</h1>
      <p>
        One-off tips readers give at <code>/members/tip/</code>. Each is recorded when Stripe says it is paid, and the reader gets a thank-you email.
      </p>
      {read.error && (
        <p role="alert" className="form-error">
          {describeError(read.error)}
        </p>
      )}
      {report && report.totals.length === 0 && <p className="empty">No tips yet.</p>}
      {report && report.totals.length > 0 && (
        <>
          <ul className="tip-totals">
            {report.totals.map((total) => (
              <li key={total.currency}>
                <strong>{moneyOf(total.amount, total.currency)}</strong> from {total.count} {total.count === 1 ? 'tip' : 'tips'}
              </li>
            ))}
          </ul>
          {report.totals.map((total) => (
            <MonthChart key={total.currency} months={report.byMonth} currency={total.currency} />
          ))}
          <table className="list">
            <caption>Latest tips</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Amount</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {report.tips.map((tip) => (
                <tr key={tip.id}>
                  <th scope="row">{tip.memberId ? <Link to={`/members/${tip.memberId}`}>{tip.email}</Link> : tip.email}</th>
                  <td>{moneyOf(tip.amount, tip.currency)}</td>
                  <td>{formatDate(tip.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
