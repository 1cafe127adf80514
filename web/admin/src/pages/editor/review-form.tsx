import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../api/client';
import { searchWorks } from '../../api/works';
import { creditRoles, workTypes, type CreditRole, type PersonSummary, type Work, type WorkType } from '../../api/types';
import { SelectField, TextField } from '../../components/field';
import { atLeast, useStaff } from '../../session-context';
import type { CreditDraft, WorkDraft } from './draft';
import { PersonField } from './person-field';
import { useSuggestions } from './suggestions';

function fromWork(work: Work, keep: WorkDraft): WorkDraft {
  return {
    ...keep,
    slug: work.slug,
    type: work.type,
    title: work.title,
    year: work.year?.toString() ?? '',
    organization: work.organization ?? '',
    releaseDate: work.releaseDate ?? '',
    runtimeMinutes: work.runtimeMinutes?.toString() ?? '',
    availability: work.availability.map((a) => ({ label: a.label, url: a.url ?? '' })),
    credits: work.credits.map((c) => ({ name: c.person.name, slug: c.person.slug, role: c.role, character: c.character ?? '' })),
  };
}

/** Links a library work (picked, or its title typed in full), keeping every fact already typed. */
function fillFrom(work: Work, typed: WorkDraft): WorkDraft {
  const known = fromWork(work, typed);
  return {
    ...known,
    year: typed.year || known.year,
    organization: typed.organization || known.organization,
    releaseDate: typed.releaseDate || known.releaseDate,
    runtimeMinutes: typed.runtimeMinutes || known.runtimeMinutes,
    availability: typed.availability.length ? typed.availability : known.availability,
    credits: typed.credits.length ? typed.credits : known.credits,
  };
}

/**
 * The reviewed work: picking a suggested title fills in the known facts (and links the existing
 * work); typing a new title creates the work when the post is saved. Credits work the same way
 * for people.
 */
export function ReviewForm({
  value,
  onChange,
  error,
  savedPeople,
}: {
  value: WorkDraft;
  /** Receives a change to apply to the latest work draft, never a copy of an older one. */
  onChange: (change: (work: WorkDraft) => WorkDraft) => void;
  error: ApiError | null;
  /** People credited in the last saved version: a new person is in the library once saved. */
  savedPeople: PersonSummary[];
}) {
  const worksId = useId();
  const mayChangeWorks = atLeast(useStaff().role, 'editor');
  const works = useSuggestions(value.title, 'works', searchWorks);
  const labels = workTypes[value.type];
  const set = (patch: Partial<WorkDraft>) => onChange((work) => ({ ...work, ...patch }));
  const setTitle = (title: string) => {
    const existing = works.find((w) => w.title === title || `${w.title} (${w.year ?? '?'})` === title);
    if (existing) onChange((work) => fillFrom(existing, work));
    else onChange((work) => ({ ...work, title, slug: work.title === title ? work.slug : '' }));
  };
  // A title typed in full that matches a suggestion links that work, as picking it from the list does.
  const [declined, setDeclined] = useState<string | null>(null);
  useEffect(() => {
    if (value.slug) return;
    const existing = works.find((w) => w.title === value.title && w.slug !== declined);
    // Linked without a pick, the library only fills in what has not been typed yet.
    if (existing) onChange((work) => (work.slug || work.title !== existing.title ? work : fillFrom(existing, work)));
  }, [works, value, onChange, declined]);
  const field = (name: string) => error?.field(`review.work.${name}`) ?? error?.field(`review.${name}`);

  return (
    <fieldset className="review-form">
      <legend>Reviewed work</legend>
      <SelectField label="Kind of work" value={value.type} onChange={(e) => set({ type: e.target.value as WorkType })} error={field('type')}>
        {Object.entries(workTypes).map(([key, t]) => (
          <option key={key} value={key}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Work title"
        list={worksId}
        value={value.title}
        onChange={(e) => setTitle(e.target.value)}
        error={field('title') ?? error?.field('review')}
        hint={
          value.slug
            ? `Linked to the existing work in the library; ${mayChangeWorks ? 'changes here update it for every review of it.' : 'only editors change its facts.'}`
            : value.title
              ? 'A new work: it is created when you save.'
              : 'Start typing to find a work already in the library.'
        }
      />
      {value.slug && (
        <button
          type="button"
          onClick={() => {
            setDeclined(value.slug);
            set({ slug: '' });
          }}
        >
          This is a different work
        </button>
      )}
      <datalist id={worksId}>
        {works.map((w) => (
          <option key={w.slug} value={w.title}>{`${workTypes[w.type].label}${w.year ? `, ${w.year}` : ''}`}</option>
        ))}
      </datalist>
      <div className="row">
        <TextField label="Year" inputMode="numeric" value={value.year} onChange={(e) => set({ year: e.target.value })} error={field('year')} />
        <TextField label={`Runtime (minutes)`} inputMode="numeric" value={value.runtimeMinutes} onChange={(e) => set({ runtimeMinutes: e.target.value })} error={field('runtimeMinutes')} />
      </div>
      <TextField label={labels.organization} value={value.organization} onChange={(e) => set({ organization: e.target.value })} error={field('organization')} />
      <TextField label={labels.date} type="date" value={value.releaseDate} onChange={(e) => set({ releaseDate: e.target.value })} error={field('releaseDate')} />
      <Availability value={value.availability} onChange={(change) => onChange((work) => ({ ...work, availability: change(work.availability) }))} />
      <Credits value={value.credits} onChange={(change) => onChange((work) => ({ ...work, credits: change(work.credits) }))} error={field('credits')} savedPeople={savedPeople} />
      <div className="row">
        <TextField label="Rating" inputMode="decimal" value={value.ratingValue} onChange={(e) => set({ ratingValue: e.target.value })} error={error?.field('review.rating')} />
        <TextField label="Out of" inputMode="numeric" value={value.ratingScale} onChange={(e) => set({ ratingScale: e.target.value })} />
      </div>
      <TextField label="Verdict" maxLength={280} value={value.verdict} onChange={(e) => set({ verdict: e.target.value })} error={error?.field('review.verdict')} />
    </fieldset>
  );
}

type ListChange<T> = (change: (list: T[]) => T[]) => void;

function Availability({ value, onChange }: { value: WorkDraft['availability']; onChange: ListChange<WorkDraft['availability'][number]> }) {
  const set = (i: number, patch: Partial<WorkDraft['availability'][number]>) => onChange((list) => list.map((a, j) => (i === j ? { ...a, ...patch } : a)));
  return (
    <fieldset>
      <legend>Where to watch, read or listen</legend>
      {value.map((a, i) => (
        <div className="row" key={i}>
          <TextField label={`Where ${i + 1}`} value={a.label} onChange={(e) => set(i, { label: e.target.value })} />
          <TextField label={`Link ${i + 1}`} type="url" value={a.url} onChange={(e) => set(i, { url: e.target.value })} />
          <button type="button" onClick={() => onChange((list) => list.filter((_, j) => j !== i))} aria-label={`Remove where ${i + 1}`}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange((list) => [...list, { label: '', url: '' }])}>
        Add where to find it
      </button>
    </fieldset>
  );
}

function Credits({ value, onChange, error, savedPeople }: { value: CreditDraft[]; onChange: ListChange<CreditDraft>; error?: string; savedPeople: PersonSummary[] }) {
  const set = (i: number, patch: Partial<CreditDraft>) => onChange((list) => list.map((c, j) => (i === j ? { ...c, ...patch } : c)));
  return (
    <fieldset>
      <legend>Credits</legend>
      {error && <p className="field-error">{error}</p>}
      {value.map((credit, i) => (
        <CreditRow key={i} index={i} credit={credit} savedPeople={savedPeople} onChange={(patch) => set(i, patch)} onRemove={() => onChange((list) => list.filter((_, j) => j !== i))} />
      ))}
      <button type="button" onClick={() => onChange((list) => [...list, { name: '', slug: '', role: list.length === 0 ? 'director' : 'cast', character: '' }])}>
        Add credit
      </button>
    </fieldset>
  );
}

function CreditRow({ index, credit, savedPeople, onChange, onRemove }: { index: number; credit: CreditDraft; savedPeople: PersonSummary[]; onChange: (patch: Partial<CreditDraft>) => void; onRemove: () => void }) {
  const n = index + 1;
  return (
    <div className="credit-row">
      <PersonField label={`Person ${n}`} value={credit} savedPeople={savedPeople} onChange={onChange} />
      <SelectField label={`Role ${n}`} value={credit.role} onChange={(e) => onChange({ role: e.target.value as CreditRole })}>
        {Object.entries(creditRoles).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </SelectField>
      {credit.role === 'cast' && <TextField label={`Character ${n}`} value={credit.character} onChange={(e) => onChange({ character: e.target.value })} />}
      <button type="button" onClick={onRemove} aria-label={`Remove credit ${n}`}>
        ×
      </button>
    </div>
  );
}
