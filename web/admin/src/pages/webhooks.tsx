import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { createWebhook, deleteWebhook, deliveryList, pingWebhook, rotateSecret, updateWebhook, webhookList, type WebhookEvent } from '../api/webhooks';
import { announce } from '../components/announcer';
import { FormError, TextField } from '../components/field';
import { toProblem, type FormProblem } from './auth-form';
import { formatDate } from './format';

/** Outgoing webhooks (administrators): add, switch on and off, replace secrets, see deliveries. */
export function WebhooksPage() {
  // Every change below reads the list again (see api/query-client).
  const read = useQuery(webhookList);
  const webhooks = read.data?.webhooks ?? null;
  const events = read.data?.events ?? [];
  const error = read.error ? describeError(read.error) : null;
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<Set<WebhookEvent>>(new Set());
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [secret, setSecret] = useState<{ id: number; value: string } | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const toggle = (event: WebhookEvent) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(event)) next.delete(event);
      else next.add(event);
      return next;
    });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const made = await createWebhook({ url, events: [...chosen] });
      setSecret({ id: made.webhook.id, value: made.secret });
      setUrl('');
      setChosen(new Set());
      setProblem(null);
      announce('Webhook added. Copy its secret now: it is not shown again.');
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  return (
    <section>
      <h1>Webhooks</h1>
      <p>
        Masthead sends a signed POST to each URL when the events it asks for happen. Check the <code>X-Masthead-Signature</code> header with the webhook's secret.
      </p>
      <form onSubmit={(e) => void add(e)} aria-label="Add a webhook">
        <FormError error={problem} />
        <TextField label="URL" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} error={problem?.fields?.find((f) => f.field === 'url')?.message} />
        <fieldset>
          <legend>Events</legend>
          {events.map((name) => (
            <label key={name} className="checkbox">
              <input type="checkbox" checked={chosen.has(name)} onChange={() => toggle(name)} /> <code>{name}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          Add webhook
        </button>
      </form>
      {secret && (
        <div role="status" className="notice">
          <p>Secret of webhook {secret.id} (shown once):</p>
          <p>
            <code>{secret.value}</code>
          </p>
          <button type="button" onClick={() => setSecret(null)}>
            I have copied it
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {webhooks && webhooks.length === 0 && <p className="muted">No webhooks yet.</p>}
      {webhooks && webhooks.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">On</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((hook) => (
              <tr key={hook.id}>
                <td>
                  <code>{hook.url}</code>
                </td>
                <td>{hook.events.join(', ')}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Send to ${hook.url}`}
                    checked={hook.active}
                    onChange={() =>
                      void act(async () => {
                        await updateWebhook(hook.id, { active: !hook.active });
                      })
                    }
                  />
                </td>
                <td>
                  <button type="button" onClick={() => setOpen(open === hook.id ? null : hook.id)} aria-expanded={open === hook.id}>
                    Deliveries
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act(async () => {
                        await pingWebhook(hook.id);
                        announce('Test delivery queued.');
                      })
                    }
                  >
                    Send test
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act(async () => {
                        const r = await rotateSecret(hook.id);
                        setSecret({ id: hook.id, value: r.secret });
                        announce('New secret made; the old one no longer signs.');
                      })
                    }
                  >
                    New secret
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() =>
                      void act(async () => {
                        if (!window.confirm(`Delete the webhook to ${hook.url}?`)) return;
                        await deleteWebhook(hook.id);
                        announce('Webhook deleted.');
                      })
                    }
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== null && <Deliveries key={open} id={open} />}
    </section>
  );
}

function Deliveries({ id }: { id: number }) {
  const read = useQuery(deliveryList(id));
  const deliveries = read.data;
  const error = read.error ? describeError(read.error) : null;
  return (
    <section aria-label="Recent deliveries">
      <h2>Recent deliveries</h2>
      <button type="button" disabled={read.isFetching} onClick={() => void read.refetch()}>
        Refresh
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {deliveries && deliveries.length === 0 && <p className="muted">Nothing sent yet.</p>}
      {deliveries && deliveries.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">State</th>
              <th scope="col">Tries</th>
              <th scope="col">Last answer</th>
              <th scope="col">Time</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  <code>{d.event}</code>
                </td>
                <td>
                  <span className={`badge badge-${d.state}`}>{d.state}</span>
                </td>
                <td>{d.attempts}</td>
                <td>
                  {d.lastStatus ?? ''} {d.lastError && <span className="muted">{d.lastError}</span>}
                </td>
                <td>{d.durationMs === null ? '' : `${d.durationMs} ms`}</td>
                <td>{formatDate(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
