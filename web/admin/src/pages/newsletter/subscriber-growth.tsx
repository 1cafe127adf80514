import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/client';
import { subscriberGrowth } from '../../api/newsletter';
import { LineChart } from '../../components/charts';
import { formatDay } from '../format';

/** Days shown: twelve weeks, like the chart of pieces published. */
const DAYS = 84;

/** The dashboard chart of newsletter subscribers over time (confirmed, after those who left). */
export function SubscriberGrowth() {
  const today = new Date();
  const from = new Date(today.getTime() - (DAYS - 1) * 86_400_000);
  const read = useQuery(subscriberGrowth(from.toISOString().slice(0, 10), today.toISOString().slice(0, 10)));
  const points = read.data;
  const error = read.error ? describeError(read.error) : null;
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!points) return null;
  const first = points[0]?.total ?? 0;
  const last = points[points.length - 1]?.total ?? 0;
  const joined = points.reduce((sum, p) => sum + p.subscribed, 0);
  const left = points.reduce((sum, p) => sum + p.unsubscribed, 0);
  return (
    <LineChart
      title="Newsletter subscribers over time"
      summary={`${first} on ${formatDay(points[0]?.date ?? '')}, ${last} now; ${joined} joined and ${left} left`}
      points={points.map((p) => ({ label: p.date.slice(5), value: p.total, details: { Joined: p.subscribed, Left: p.unsubscribed } }))}
    />
  );
}
