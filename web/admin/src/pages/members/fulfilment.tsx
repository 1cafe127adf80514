import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/client';
import { fulfilment, fulfilmentCsvUrl } from '../../api/members';
import { HorizontalBars } from '../../components/charts';
import { countryName } from './labels';

const SHOWN_ROWS = 100;

/** The frozen list (frozen on opening when the cutoff has passed): copies per country, rows, CSV. */
export function Fulfilment({ issueId }: { issueId: number }) {
  const read = useQuery(fulfilment(issueId));
  const data = read.data;
  if (read.error && !read.data)
    return (
      <p role="alert" className="form-error">
        {describeError(read.error)}
      </p>
    );
  if (!data) return <p role="status">Loading the fulfilment list…</p>;
  const copies = data.countries.reduce((sum, c) => sum + c.copies, 0);
  return (
    <section className="fulfilment" aria-labelledby="fulfilment-title">
      <h2 id="fulfilment-title">Fulfilment list</h2>
      <p>
        {copies} {copies === 1 ? 'copy' : 'copies'} to {data.items.length} {data.items.length === 1 ? 'subscriber' : 'subscribers'} in {data.countries.length} {data.countries.length === 1 ? 'country' : 'countries'}.{' '}
        <a className="button" href={fulfilmentCsvUrl(issueId)} download>
          Download CSV
        </a>
      </p>
      {data.countries.length > 0 && <HorizontalBars title="Copies by country" unit={{ one: 'copy', many: 'copies' }} rows={data.countries.map((c) => ({ label: countryName(c.country), value: c.copies }))} />}
      {data.items.length > 0 && (
        <table className="list">
          <caption>{data.items.length > SHOWN_ROWS ? `The first ${SHOWN_ROWS} of ${data.items.length} lines; the CSV has them all` : 'Every line of the list'}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col">Postcode</th>
              <th scope="col">Country</th>
              <th scope="col">Copies</th>
            </tr>
          </thead>
          <tbody>
            {data.items.slice(0, SHOWN_ROWS).map((item) => (
              <tr key={item.memberId}>
                <td>{item.name}</td>
                <td>{[item.line1, item.line2, item.city, item.region].filter(Boolean).join(', ')}</td>
                <td>{item.postcode}</td>
                <td>{item.country}</td>
                <td>{item.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
