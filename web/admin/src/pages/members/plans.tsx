import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/client';
import { createPlan, deletePlan, planList, planTiers, updatePlan, type Plan, type PlanInput, type PlanTier } from '../../api/members';
import { announce } from '../../components/announcer';
import { FormError, SelectField, TextArea, TextField } from '../../components/field';
import { atLeast, useStaff } from '../../session-context';
import { toProblem, type FormProblem } from '../auth-form';
import { summary } from './labels';
import { formatMoney, priceText } from './money';

export const tierLabels: Record<PlanTier, string> = { free: 'Free', digital: 'Digital', print: 'Print + digital' };

/** Membership plans: everyone from editor up sees them; only administrators change them. */
export function PlansPage() {
  const staff = useStaff();
  const canManage = atLeast(staff.role, 'administrator');
  // Each change below reads the plans again (see api/query-client).
  const read = useQuery(planList);
  const plans = read.data;
  const error = read.error ? describeError(read.error) : null;
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);

  const saved = (plan: Plan, created: boolean) => {
    setEditing(null);
    announce(created ? `Plan ${plan.name} created.` : `Plan ${plan.name} saved.`);
  };
  const setActive = async (plan: Plan, active: boolean) => {
    try {
      await updatePlan(plan.id, { ...inputOf(plan), active });
      announce(active ? `${plan.name} is on sale again.` : `${plan.name} is archived: off sale, subscribers keep it.`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };
  const remove = async (plan: Plan) => {
    try {
      await deletePlan(plan.id);
      announce(`${plan.name} deleted.`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>Plans</h1>
        {canManage && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            New plan
          </button>
        )}
      </div>
      <p>
        What readers can buy at <code>/members/print/</code>. Archived plans are off sale; their subscribers keep them.
      </p>
      {!canManage && <p className="note">Only administrators change plans and prices.</p>}
      {editing !== null && <PlanForm plan={editing === 'new' ? null : editing} onSaved={saved} onCancel={() => setEditing(null)} />}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {plans && plans.length === 0 && <p className="empty">No plans yet.</p>}
      {plans && plans.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">Membership plans</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Tier</th>
              <th scope="col">Monthly</th>
              <th scope="col">Yearly</th>
              <th scope="col">Gift (a year)</th>
              <th scope="col">Issues a year</th>
              <th scope="col">Free trial</th>
              <th scope="col">Status</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id}>
                <th scope="row">
                  {plan.name} <span className="muted">· {plan.slug}</span>
                </th>
                <td>{tierLabels[plan.tier]}</td>
                <td>{formatMoney(plan.monthlyCents, plan)}</td>
                <td>{formatMoney(plan.yearlyCents, plan)}</td>
                <td>{formatMoney(plan.giftCents, plan)}</td>
                <td>{plan.tier === 'print' ? plan.issuesPerYear : '—'}</td>
                <td>{plan.trialDays > 0 ? `${plan.trialDays} days` : '—'}</td>
                <td>
                  <span className={`badge badge-${plan.active ? 'active' : 'archived'}`}>{plan.active ? 'on sale' : 'archived'}</span>
                </td>
                {canManage && (
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(plan)} aria-label={`Edit ${plan.name}`}>
                      Edit
                    </button>{' '}
                    {plan.active ? (
                      <button type="button" onClick={() => void setActive(plan, false)} aria-label={`Archive ${plan.name}`}>
                        Archive
                      </button>
                    ) : (
                      <button type="button" onClick={() => void setActive(plan, true)} aria-label={`Put ${plan.name} on sale`}>
                        Put on sale
                      </button>
                    )}{' '}
                    <button type="button" className="danger" onClick={() => void remove(plan)} aria-label={`Delete ${plan.name}`}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function inputOf(plan: Plan): PlanInput {
  const { id: _id, currencyDigits: _digits, ...rest } = plan;
  return rest;
}

const priceFields = [
  ['monthlyCents', 'Monthly price'],
  ['yearlyCents', 'Yearly price'],
  ['giftCents', 'Gift price (one year)'],
] as const;
type PriceField = (typeof priceFields)[number][0];
const fieldLabels: Record<string, string> = {
  ...Object.fromEntries(priceFields),
  name: 'Name',
  slug: 'Slug',
  description: 'Description',
  tier: 'Tier',
  currency: 'Currency',
  issuesPerYear: 'Issues a year',
  trialDays: 'Free trial (days)',
  position: 'Position',
};

function PlanForm({ plan, onSaved, onCancel }: { plan: Plan | null; onSaved: (plan: Plan, created: boolean) => void; onCancel: () => void }) {
  const [name, setName] = useState(plan?.name ?? '');
  const [slug, setSlug] = useState(plan?.slug ?? '');
  const [description, setDescription] = useState(plan?.description ?? '');
  const [tier, setTier] = useState<PlanTier>(plan?.tier ?? 'digital');
  const [currency, setCurrency] = useState(plan?.currency ?? 'gbp');
  const [prices, setPrices] = useState<Record<PriceField, string>>({
    monthlyCents: priceText(plan?.monthlyCents ?? null, plan?.currencyDigits ?? 2),
    yearlyCents: priceText(plan?.yearlyCents ?? null, plan?.currencyDigits ?? 2),
    giftCents: priceText(plan?.giftCents ?? null, plan?.currencyDigits ?? 2),
  });
  const [issues, setIssues] = useState(String(plan?.issuesPerYear ?? 0));
  const [trialDays, setTrialDays] = useState(String(plan?.trialDays ?? 0));
  const [position, setPosition] = useState(String(plan?.position ?? 0));
  const [active, setActive] = useState(plan?.active ?? true);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => problem?.fields?.find((f) => f.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = Object.fromEntries(priceFields.map(([field]) => [field, prices[field].trim() || null])) as Record<PriceField, string | null>;
    const input: PlanInput = {
      ...(slug.trim() ? { slug: slug.trim() } : {}),
      name,
      description,
      tier,
      currency,
      ...(tier === 'free' ? { monthlyCents: null, yearlyCents: null, giftCents: null } : typed),
      issuesPerYear: tier === 'print' ? Number(issues) : 0,
      trialDays: tier === 'free' ? 0 : Number(trialDays),
      position: Number(position),
      active,
    };
    setBusy(true);
    try {
      onSaved(plan ? await updatePlan(plan.id, input) : await createPlan(input), plan === null);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card plan-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">{plan ? `Edit ${plan.name}` : 'New plan'}</h2>
      <FormError error={summary(problem, fieldLabels)} />
      <div className="row">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} required />
        <TextField label="Slug" value={slug} onChange={(e) => setSlug(e.target.value)} error={fieldError('slug')} hint="Made from the name when empty." />
      </div>
      <TextArea label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError('description')} rows={2} />
      <div className="row">
        <SelectField label="Tier" value={tier} onChange={(e) => setTier(e.target.value as PlanTier)} error={fieldError('tier')}>
          {planTiers.map((t) => (
            <option key={t} value={t}>
              {tierLabels[t]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Currency"
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
          error={fieldError('currency')}
          hint="ISO 4217 code, such as gbp, eur, jpy or bhd. Prices take as many decimals as the currency has."
          maxLength={3}
        />
        {tier === 'print' && <TextField label="Issues a year" type="number" min={1} max={52} value={issues} onChange={(e) => setIssues(e.target.value)} error={fieldError('issuesPerYear')} />}
        {tier !== 'free' && (
          <TextField
            label="Free trial (days)"
            type="number"
            min={0}
            max={730}
            value={trialDays}
            onChange={(e) => setTrialDays(e.target.value)}
            error={fieldError('trialDays')}
            hint="0 for none. Monthly and yearly subscriptions start with it; gifts do not."
          />
        )}
      </div>
      {tier !== 'free' && (
        <fieldset>
          <legend>Prices</legend>
          <p className="hint">Leave a price empty where the plan is not sold that way. A gift is paid once and gives a year.</p>
          <div className="row">
            {priceFields.map(([field, label]) => (
              <TextField key={field} label={label} inputMode="decimal" value={prices[field]} onChange={(e) => setPrices((p) => ({ ...p, [field]: e.target.value }))} error={fieldError(field)} />
            ))}
          </div>
        </fieldset>
      )}
      {tier === 'free' && fieldError('yearlyCents') && <p className="field-error">{fieldError('yearlyCents')}</p>}
      <div className="row">
        <TextField label="Position" type="number" min={0} max={1000} value={position} onChange={(e) => setPosition(e.target.value)} error={fieldError('position')} hint="Lower comes first on the plans page." />
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> On sale
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {plan ? 'Save plan' : 'Create plan'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
