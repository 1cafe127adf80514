import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/client';
import { sendList } from '../../api/newsletter';
import { StackedBarChart } from '../../components/charts';
import { formatDay } from '../format';

/** Sends shown: the last ten that went to readers. */
const SENDS = 10;

/** The dashboard chart of what readers did with the last sends: clicks, readers who clicked, and opens where counted. */
export function SendEngagement() {
  const read = useQuery(sendList);
  if (read.error)
    return (
      <p className="form-error" role="alert">
        {describeError(read.error)}
      </p>
    );
  const sends = read.data
    ?.filter((s) => s.kind !== 'test')
    .slice(0, SENDS)
    .reverse();
  if (!sends) return null;
  if (sends.length === 0) return <p className="note">No newsletter has been sent yet.</p>;
  const counted = sends.some((s) => s.opens !== null);
  return (
    <StackedBarChart
      title={`Clicks${counted ? ' and opens' : ''} on the last ${sends.length === 1 ? 'send' : `${sends.length} sends`}`}
      grouped
      per={{ one: 'Send', many: 'sends' }}
      data={{
        labels: sends.map((s) => `${formatDay(s.startedAt).replace(/,? \d{4}$/, '')} #${s.id}`),
        series: [
          { name: 'Clicks', values: sends.map((s) => s.clicks) },
          { name: 'Readers who clicked', values: sends.map((s) => s.uniqueClicks) },
          ...(counted ? [{ name: 'Opens', values: sends.map((s) => s.opens ?? 0) }] : []),
        ],
      }}
    />
  );
}
