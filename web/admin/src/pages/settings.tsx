import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { siteSettings, updateSettings } from '../api/settings';
import type { NavigationItem, SiteSettings } from '../api/types';
import { announce } from '../components/announcer';
import { FormError, SelectField, TextArea, TextField } from '../components/field';
import { MediaPicker } from '../components/media-picker';
import { toProblem, type FormProblem } from './auth-form';

const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

type ImageSetting = 'logoUrl' | 'iconUrl';

/** The settings that name an image from the media library. */
const imageSettings: Array<{ name: ImageSetting; legend: string; noun: string; hint?: string }> = [
  { name: 'logoUrl', legend: 'Logo', noun: 'logo' },
  { name: 'iconUrl', legend: 'Site icon', noun: 'icon', hint: 'The small picture browsers show in the tab; a square image works best. Without one, the tab shows the title’s first letter on the accent colour.' },
];

export function SettingsPage() {
  const read = useQuery(siteSettings);
  if (read.error && !read.data)
    return (
      <section>
        <h1>Settings</h1>
        <p role="alert" className="form-error">
          {describeError(read.error)}
        </p>
      </section>
    );
  if (!read.data) return <p role="status">Loading…</p>;
  // The form edits its own copy: reading the settings again after a save never undoes typing.
  return <SettingsForm saved={read.data} />;
}

function SettingsForm({ saved }: { saved: SiteSettings }) {
  const [settings, setSettings] = useState(saved);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [picking, setPicking] = useState<ImageSetting | null>(null);

  const set = (patch: Partial<SiteSettings>) => setSettings({ ...settings, ...patch });
  const field = (name: string) => problem?.fields?.find((f) => f.field === name || f.field.startsWith(`${name}.`))?.message;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { title, description, logoUrl, iconUrl, accentColor, navigation, footerNavigation, copyright, timezone, locale } = settings;
      setSettings(await updateSettings({ title, description, logoUrl, iconUrl, accentColor, navigation, footerNavigation, copyright, timezone, locale }));
      setProblem(null);
      announce('Settings saved.');
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  return (
    <section>
      <h1>Site settings</h1>
      <form className="settings-form" onSubmit={(e) => void save(e)} noValidate>
        <FormError error={problem} />
        <TextField label="Title" required value={settings.title} onChange={(e) => set({ title: e.target.value })} error={field('title')} />
        <TextArea
          label="Description"
          rows={2}
          value={settings.description}
          onChange={(e) => set({ description: e.target.value })}
          error={field('description')}
          hint="Used in search results, link previews and the RSS feed. Left empty, they carry a line from the theme in the site's language."
        />
        {imageSettings.map(({ name, legend, noun, hint }) => (
          <fieldset key={name}>
            <legend>{legend}</legend>
            {hint && <p className="hint">{hint}</p>}
            {settings[name] && <img className="logo-preview" src={settings[name]} alt={`Current ${legend.toLowerCase()}`} />}
            <div className="row">
              <button type="button" onClick={() => setPicking(name)}>
                {settings[name] ? `Change ${noun}` : `Choose ${noun}`}
              </button>
              {settings[name] && (
                <button type="button" onClick={() => set({ [name]: null })}>
                  Remove {noun}
                </button>
              )}
            </div>
            {field(name) && <p className="field-error">{field(name)}</p>}
          </fieldset>
        ))}
        {picking && (
          <MediaPicker
            onClose={() => setPicking(null)}
            onChoose={(item) => {
              setPicking(null);
              set({ [picking]: item.url });
            }}
          />
        )}
        <div className="row">
          <TextField label="Accent colour" type="color" value={settings.accentColor} onChange={(e) => set({ accentColor: e.target.value })} error={field('accentColor')} />
          <SelectField label="Time zone" value={settings.timezone} onChange={(e) => set({ timezone: e.target.value })} error={field('timezone')}>
            {(zones.includes(settings.timezone) ? zones : [settings.timezone, ...zones]).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Site language"
            value={settings.locale}
            onChange={(e) => set({ locale: e.target.value })}
            error={field('locale')}
            hint="A language tag: en, de, fr, es, pt ship with the theme; others (ar, he…) read the theme's locales folder."
          />
        </div>
        <NavigationEditor legend="Navigation" items={settings.navigation} onChange={(navigation) => set({ navigation })} error={field('navigation')} />
        <NavigationEditor legend="Footer links" items={settings.footerNavigation} onChange={(footerNavigation) => set({ footerNavigation })} error={field('footerNavigation')} />
        <TextField label="Footer line" value={settings.copyright} onChange={(e) => set({ copyright: e.target.value })} error={field('copyright')} hint="For example © 2026 The Magazine." />
        <button type="submit" className="primary">
          Save settings
        </button>
      </form>
    </section>
  );
}

function NavigationEditor({ legend, items, onChange, error }: { legend: string; items: NavigationItem[]; onChange: (items: NavigationItem[]) => void; error?: string }) {
  const set = (i: number, patch: Partial<NavigationItem>) => onChange(items.map((item, j) => (i === j ? { ...item, ...patch } : item)));
  const move = (i: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    onChange(next);
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      {error && <p className="field-error">{error}</p>}
      {items.map((item, i) => (
        <div className="row nav-row" key={i}>
          <TextField label={`${legend} label ${i + 1}`} value={item.label} onChange={(e) => set(i, { label: e.target.value })} />
          <TextField label={`${legend} address ${i + 1}`} value={item.url} onChange={(e) => set(i, { url: e.target.value })} />
          <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${item.label || 'link'} up`}>
            ↑
          </button>
          <button type="button" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${item.label || 'link'} down`}>
            ↓
          </button>
          <button type="button" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`Remove ${item.label || 'link'}`}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { label: '', url: '/' }])}>
        Add link
      </button>
    </fieldset>
  );
}
