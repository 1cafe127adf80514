import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/client';
import { createNewsletter, newsletterList, newsletterSettings, updateNewsletter, updateSettings, weekdays, type Newsletter, type NewsletterSettings, type NewsletterStatus } from '../../api/newsletter';
import { announce } from '../../components/announcer';
import { SiteTime } from '../../components/site-time';
import { FormError, SelectField, TextField } from '../../components/field';
import { toProblem, type FormProblem } from '../auth-form';
import { suggestSlug } from '../../slug';

const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
const fieldOf = (problem: FormProblem | null, name: string) => problem?.fields?.find((f) => f.field === name)?.message;

/** Newsletters (add, rename, default for signups), delivery status and the digest's schedule. */
export function OverviewPage({ status }: { status: NewsletterStatus | null }) {
  // Adding or changing a newsletter reads the list again (see api/query-client).
  const read = useQuery(newsletterList);
  const newsletters = read.data;
  const error = read.error ? describeError(read.error) : null;

  return (
    <section>
      <h1>Newsletter</h1>
      {status && (
        <p className="note">
          Delivery: {status.delivery === 'smtp' ? `SMTP, ${status.connections} connections${status.dkim ? ', DKIM-signed' : ''}` : 'outbox folder (not sent)'}. Next digest slot: <SiteTime at={status.nextDigest} />.
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <h2>Newsletters</h2>
      {newsletters && (
        <table className="list">
          <caption className="visually-hidden">Newsletters readers can choose</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Description</th>
              <th scope="col">New signups</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newsletters.map((n) => (
              <NewsletterRow key={n.slug} newsletter={n} />
            ))}
          </tbody>
        </table>
      )}
      <NewNewsletterForm />
      {newsletters && <SettingsForm newsletters={newsletters} />}
    </section>
  );
}

function NewsletterRow({ newsletter }: { newsletter: Newsletter }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(newsletter);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await updateNewsletter(newsletter.slug, { name: draft.name, description: draft.description, isDefault: draft.isDefault, countOpens: draft.countOpens });
      announce(`Saved ${draft.name}.`);
      setEditing(false);
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  if (!editing) {
    return (
      <tr>
        <td>{newsletter.name}</td>
        <td>
          <code>{newsletter.slug}</code>
        </td>
        <td>{newsletter.description || <span className="muted">—</span>}</td>
        <td>
          {newsletter.isDefault ? 'Get it by default' : 'Choose it'}
          {newsletter.countOpens && <span className="muted"> · opens counted</span>}
        </td>
        <td>
          <button
            type="button"
            onClick={() => {
              setDraft(newsletter);
              setEditing(true);
            }}
          >
            Edit <span className="visually-hidden">{newsletter.name}</span>
          </button>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td colSpan={5}>
        <form className="inline-form" onSubmit={(e) => void save(e)} noValidate aria-label={`Edit ${newsletter.name}`}>
          <TextField label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={fieldOf(problem, 'name')} />
          <TextField label="Description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} error={fieldOf(problem, 'description')} />
          <label className="check">
            <input type="checkbox" checked={draft.isDefault} onChange={(e) => setDraft({ ...draft, isDefault: e.target.checked })} /> New signups get it
          </label>
          <CountOpens id={`opens-${newsletter.slug}`} checked={draft.countOpens} onChange={(countOpens) => setDraft({ ...draft, countOpens })} />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          {problem && !problem.fields?.length && (
            <p className="form-error" role="alert">
              {problem.message}
            </p>
          )}
        </form>
      </td>
    </tr>
  );
}

/** The per-newsletter choice to count opens, with what it means: most readers never learn of the image, and many mail apps block or preload it. */
function CountOpens({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="field">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-hint`} /> Count opens
      </label>
      <span id={`${id}-hint`} className="hint">
        Puts a 1×1 image, served by this site, in each email; loading it notes that the reader opened it. Unreliable (many mail apps block images or load them all in advance) and privacy-sensitive: it tells you when each
        reader reads. Off unless you turn it on; clicks are counted either way.
      </span>
    </div>
  );
}

function NewNewsletterForm() {
  const empty = { name: '', slug: '', description: '', isDefault: false };
  const [draft, setDraft] = useState(empty);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await createNewsletter(draft);
      announce(`Added ${created.name}.`);
      setDraft(empty);
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a newsletter">
      <TextField
        label="New newsletter"
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value, slug: draft.slug === suggestSlug(draft.name) ? suggestSlug(e.target.value) : draft.slug })}
        error={fieldOf(problem, 'name')}
      />
      <TextField label="Slug" value={draft.slug} onChange={(e) => setDraft({ ...draft, slug: e.target.value })} error={fieldOf(problem, 'slug')} />
      <TextField label="About it" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} error={fieldOf(problem, 'description')} />
      <label className="check">
        <input type="checkbox" checked={draft.isDefault} onChange={(e) => setDraft({ ...draft, isDefault: e.target.checked })} /> New signups get it
      </label>
      <button type="submit">Add newsletter</button>
      {problem && !problem.fields?.length && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
    </form>
  );
}

function SettingsForm({ newsletters }: { newsletters: Newsletter[] }) {
  const read = useQuery(newsletterSettings);
  if (read.error && !read.data) return <FormError error={toProblem(read.error)} />;
  if (!read.data) return null;
  // The form edits its own copy: reading the settings again after a save never undoes typing.
  return <SettingsEditor newsletters={newsletters} saved={read.data} />;
}

function SettingsEditor({ newsletters, saved }: { newsletters: Newsletter[]; saved: NewsletterSettings }) {
  const [settings, setSettings] = useState(saved);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const digest = settings.digest;
  const setDigest = (patch: Partial<NewsletterSettings['digest']>) => setSettings({ ...settings, digest: { ...digest, ...patch } });
  const field = (name: string) => fieldOf(problem, name);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSettings(await updateSettings(settings));
      setProblem(null);
      announce('Newsletter settings saved.');
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  return (
    <form className="settings-form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="newsletter-settings">
      <h2 id="newsletter-settings">Settings</h2>
      <FormError error={problem} />
      <div className="row">
        <TextField label="Sender name" value={settings.senderName} onChange={(e) => setSettings({ ...settings, senderName: e.target.value })} error={field('senderName')} hint="Empty: the site title." />
        <TextField label="Reply-to address" type="email" value={settings.replyTo ?? ''} onChange={(e) => setSettings({ ...settings, replyTo: e.target.value || null })} error={field('replyTo')} />
        <TextField
          label="Messages per second"
          type="number"
          min={1}
          value={settings.messagesPerSecond}
          onChange={(e) => setSettings({ ...settings, messagesPerSecond: Number(e.target.value) })}
          error={field('messagesPerSecond')}
          hint="The most your mail provider accepts."
        />
      </div>
      <fieldset>
        <legend>Weekly digest</legend>
        <label className="check">
          <input type="checkbox" checked={digest.enabled} onChange={(e) => setDigest({ enabled: e.target.checked })} /> Assemble a digest every week
        </label>
        <div className="row">
          <SelectField label="Goes to" value={digest.newsletter} onChange={(e) => setDigest({ newsletter: e.target.value })} error={field('digest.newsletter')}>
            {newsletters.map((n) => (
              <option key={n.slug} value={n.slug}>
                {n.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Day" value={digest.day} onChange={(e) => setDigest({ day: e.target.value as NewsletterSettings['digest']['day'] })} error={field('digest.day')}>
            {weekdays.map((d) => (
              <option key={d} value={d}>
                {d[0]!.toUpperCase() + d.slice(1)}
              </option>
            ))}
          </SelectField>
          <TextField label="Time" type="time" value={digest.time} onChange={(e) => setDigest({ time: e.target.value })} error={field('digest.time')} />
          <SelectField label="Digest time zone" value={digest.timezone ?? ''} onChange={(e) => setDigest({ timezone: e.target.value || null })} error={field('digest.timezone')}>
            <option value="">The site’s time zone</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Assemble hours before"
            type="number"
            min={0}
            max={144}
            value={digest.assembleHoursBefore}
            onChange={(e) => setDigest({ assembleHoursBefore: Number(e.target.value) })}
            error={field('digest.assembleHoursBefore')}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={digest.autoSend} onChange={(e) => setDigest({ autoSend: e.target.checked })} /> Send it at the slot by itself (without an editor pressing send)
        </label>
      </fieldset>
      <button type="submit" className="primary">
        Save newsletter settings
      </button>
    </form>
  );
}
