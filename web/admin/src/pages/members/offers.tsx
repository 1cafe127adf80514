import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/client';
import { planList } from '../../api/members';
import { createOffer, endOffer, offerList, offerReport, type Offer, type OfferInput, type OfferState } from '../../api/offers';
import { siteZone } from '../../api/settings';
import { announce } from '../../components/announcer';
import { FormError, SelectField, TextField } from '../../components/field';
import { SiteTime } from '../../components/site-time';
import { Link } from '../../router';
import { instantIn } from '../../zoned-time';
import { formatDate } from '../format';
import { toProblem, type FormProblem } from '../auth-form';
import { summary } from './labels';
import { formatMoney } from './money';

const stateLabels: Record<OfferState, string> = { scheduled: 'not open yet', live: 'live', ended: 'ended', expired: 'expired', exhausted: 'all taken' };

/** "25% off for 3 months", "¥300 off once". */
function discountText(offer: Offer): string {
  const off = offer.percentOff !== null ? `${offer.percentOff}% off` : `${formatMoney(offer.amountOff, offer.plan)} off`;
  const how = offer.duration === 'once' ? 'the first payment' : offer.duration === 'forever' ? 'every payment' : `${offer.durationMonths} months`;
  return `${off} ${offer.duration === 'repeating' ? 'for' : ''} ${how}`.replace(/\s+/g, ' ');
}

async function end(offer: Offer) {
  try {
    await endOffer(offer.id);
    announce(`${offer.name} has ended: its page says so and no checkout can use it.`);
  } catch (err) {
    announce(describeError(err), { tone: 'error' });
  }
}

/** Offers: editors and administrators create them, end them and see what they brought. */
export function OffersPage() {
  const read = useQuery(offerList);
  const offers = read.data;
  const [creating, setCreating] = useState(false);
  return (
    <section>
      <div className="page-head">
        <h1>Offers</h1>
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New offer
          </button>
        )}
      </div>
      <p>
        A discount on a paid plan for a time, with its own page at <code>/members/offers/code/</code> to share and, if you like, a promotion code readers type on the plans page. Stripe applies it at checkout.
      </p>
      {creating && (
        <OfferForm
          onSaved={(offer) => {
            setCreating(false);
            announce(`Offer ${offer.name} created: /members/offers/${offer.code}/`);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {read.error && (
        <p role="alert" className="form-error">
          {describeError(read.error)}
        </p>
      )}
      {offers && offers.length === 0 && <p className="empty">No offers yet.</p>}
      {offers && offers.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">Offers</caption>
          <thead>
            <tr>
              <th scope="col">Offer</th>
              <th scope="col">Plan</th>
              <th scope="col">Discount</th>
              <th scope="col">Until</th>
              <th scope="col">Redemptions</th>
              <th scope="col">Paid at checkout</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {offers.map((offer) => (
              <tr key={offer.id}>
                <th scope="row">
                  <Link to={`/offers/${offer.id}`}>{offer.name}</Link>{' '}
                  <span className="muted">
                    · {offer.code}
                    {offer.promotionCode && ` · code ${offer.promotionCode}`}
                  </span>
                </th>
                <td>
                  {offer.plan.name}, {offer.billing === 'month' ? 'monthly' : 'yearly'}
                </td>
                <td>{discountText(offer)}</td>
                <td>{offer.endsAt ? <SiteTime at={offer.endsAt} /> : '—'}</td>
                <td>
                  {offer.redemptions}
                  {offer.maxRedemptions !== null && ` of ${offer.maxRedemptions}`}
                </td>
                <td>{formatMoney(offer.revenue, offer.plan)}</td>
                <td>
                  <span className={`badge badge-${offer.state === 'live' ? 'active' : 'archived'}`}>{stateLabels[offer.state]}</span>
                </td>
                <td className="actions">
                  {offer.state !== 'ended' && offer.state !== 'expired' && (
                    <button type="button" onClick={() => void end(offer)}>
                      End now<span className="visually-hidden"> {offer.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const fieldLabels: Record<string, string> = {
  name: 'Name',
  code: 'Code',
  planId: 'Plan',
  billing: 'Billing',
  percentOff: 'Percent off',
  amountOff: 'Amount off',
  duration: 'Lasts',
  durationMonths: 'Months',
  startsAt: 'Starts',
  endsAt: 'Ends',
  maxRedemptions: 'Limit',
  promotionCode: 'Promotion code',
};

/**
 * A datetime-local value ("2026-12-24T18:00") read on the site's clock, as an ISO time; undefined when
 * empty. What is not a wall-clock time goes as typed, for the server to refuse at its field.
 */
const isoOf = (wall: string, zone: string) => (wall ? (instantIn(wall, zone) ?? wall) : undefined);

function OfferForm({ onSaved, onCancel }: { onSaved: (offer: Offer) => void; onCancel: () => void }) {
  const plans = (useQuery(planList).data ?? []).filter((p) => p.tier !== 'free' && p.active);
  const zone = useQuery(siteZone).data;
  const [v, setV] = useState({ name: '', code: '', planId: '', billing: 'month', kind: 'percent', off: '', duration: 'once', months: '', startsAt: '', endsAt: '', limit: '', promotionCode: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const fieldError = (field: string) => problem?.fields?.find((f) => f.field === field)?.message;
  const plan = plans.find((p) => String(p.id) === v.planId) ?? plans[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!zone) return;
    const input: OfferInput = {
      name: v.name,
      ...(v.code.trim() ? { code: v.code.trim() } : {}),
      planId: plan?.id ?? 0,
      billing: v.billing as OfferInput['billing'],
      percentOff: v.kind === 'percent' ? Number(v.off) : null,
      amountOff: v.kind === 'amount' ? v.off : null,
      duration: v.duration as OfferInput['duration'],
      durationMonths: v.duration === 'repeating' ? Number(v.months) : null,
      ...(v.startsAt ? { startsAt: isoOf(v.startsAt, zone) } : {}),
      endsAt: isoOf(v.endsAt, zone) ?? null,
      maxRedemptions: v.limit ? Number(v.limit) : null,
      promotionCode: v.promotionCode.trim() || null,
    };
    setBusy(true);
    try {
      onSaved(await createOffer(input));
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card plan-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="offer-form-title">
      <h2 id="offer-form-title">New offer</h2>
      <FormError error={summary(problem, fieldLabels)} />
      <div className="row">
        <TextField label="Name" value={v.name} onChange={set('name')} error={fieldError('name')} required />
        <TextField label="Code" value={v.code} onChange={set('code')} error={fieldError('code')} hint="The page's address; made from the name when empty." />
        <TextField
          label="Promotion code"
          value={v.promotionCode}
          onChange={set('promotionCode')}
          error={fieldError('promotionCode')}
          autoComplete="off"
          hint="Optional: letters and digits readers type on the plans page (any case), e.g. WINTER25. Stripe keeps it with the offer's end and limit."
        />
      </div>
      <div className="row">
        <SelectField label="Plan" value={plan ? String(plan.id) : ''} onChange={set('planId')} error={fieldError('planId')}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Billing" value={v.billing} onChange={set('billing')} error={fieldError('billing')}>
          <option value="month">Monthly</option>
          <option value="year">Yearly</option>
        </SelectField>
      </div>
      <div className="row">
        <SelectField label="Discount" value={v.kind} onChange={set('kind')}>
          <option value="percent">Percent off</option>
          <option value="amount">Amount off</option>
        </SelectField>
        <TextField
          label={v.kind === 'percent' ? 'Percent off' : `Amount off (${plan?.currency.toUpperCase() ?? ''})`}
          inputMode="decimal"
          value={v.off}
          onChange={set('off')}
          error={fieldError(v.kind === 'percent' ? 'percentOff' : 'amountOff')}
          required
        />
        <SelectField label="Lasts" value={v.duration} onChange={set('duration')} error={fieldError('duration')}>
          <option value="once">The first payment</option>
          <option value="repeating">Some months</option>
          <option value="forever">Every payment</option>
        </SelectField>
        {v.duration === 'repeating' && <TextField label="Months" type="number" min={1} max={36} value={v.months} onChange={set('months')} error={fieldError('durationMonths')} />}
      </div>
      <div className="row">
        <TextField label={`Starts (${zone ?? 'site'} time)`} type="datetime-local" value={v.startsAt} onChange={set('startsAt')} error={fieldError('startsAt')} hint="Now when empty." />
        <TextField label={`Ends (${zone ?? 'site'} time)`} type="datetime-local" value={v.endsAt} onChange={set('endsAt')} error={fieldError('endsAt')} hint="Open-ended when empty." />
        <TextField label="Limit" type="number" min={1} value={v.limit} onChange={set('limit')} error={fieldError('maxRedemptions')} hint="Most readers who can use it; empty for no limit." />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !zone}>
          Create offer
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One offer: its terms, what it brought and the members who came through it. */
export function OfferReportPage({ id }: { id: number }) {
  const read = useQuery(offerReport(id));
  if (read.error) {
    return (
      <p role="alert" className="form-error">
        {describeError(read.error)}
      </p>
    );
  }
  if (!read.data) return <p role="status">Loading…</p>;
  const { offer, members } = read.data;
  return (
    <section>
      <p>
        <Link to="/offers">All offers</Link>
      </p>
      <div className="page-head">
        <h1>{offer.name}</h1>
        {offer.state !== 'ended' && offer.state !== 'expired' && (
          <button type="button" onClick={() => void end(offer)}>
            End now
          </button>
        )}
      </div>
      <dl className="offer-facts">
        <dt>Page</dt>
        <dd>
          <a href={`/members/offers/${offer.code}/`}>/members/offers/{offer.code}/</a>
        </dd>
        <dt>Promotion code</dt>
        <dd>{offer.promotionCode ? <code>{offer.promotionCode}</code> : <span className="muted">None: readers use the page</span>}</dd>
        <dt>State</dt>
        <dd>{stateLabels[offer.state]}</dd>
        <dt>Discount</dt>
        <dd>
          {discountText(offer)} on {offer.plan.name}: {formatMoney(offer.discountedPrice, offer.plan)} instead of {formatMoney(offer.regularPrice, offer.plan)} a {offer.billing}
        </dd>
        <dt>Runs</dt>
        <dd>
          <SiteTime at={offer.startsAt} /> – {offer.endsAt ? <SiteTime at={offer.endsAt} /> : 'open-ended'}
        </dd>
        <dt>Redemptions</dt>
        <dd>
          {offer.redemptions}
          {offer.maxRedemptions !== null && ` of ${offer.maxRedemptions}`}
        </dd>
        <dt>Paid at checkout</dt>
        <dd>{formatMoney(offer.revenue, offer.plan)}</dd>
      </dl>
      <h2>Members who came through it</h2>
      {members.length === 0 && <p className="empty">Nobody yet.</p>}
      {members.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">Members who came through {offer.name}</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Paid at checkout</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={`${m.memberId}-${m.redeemedAt}`}>
                <th scope="row">
                  <Link to={`/members/${m.memberId}`}>{m.email}</Link>
                  {m.name && <span className="muted"> · {m.name}</span>}
                </th>
                <td>{m.amountPaid === null ? '—' : formatMoney(m.amountPaid, offer.plan)}</td>
                <td>{formatDate(m.redeemedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
