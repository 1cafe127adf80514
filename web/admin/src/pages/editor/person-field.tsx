import { useEffect, useId } from 'react';
import { searchPeople } from '../../api/works';
import type { PersonSummary } from '../../api/types';
import { TextField } from '../../components/field';
import { freshPersonSlug } from './draft';
import { useSuggestions } from './suggestions';

/** A person as a form holds them: the name typed, and the slug of the person in the library it links to (empty for a new person). */
export interface PersonPick {
  name: string;
  slug: string;
  /** Set when the editor said a name shared with someone in the library is a different person: the slug is a fresh one. */
  newPerson?: boolean;
}

/**
 * Picks a person from the library as the name is typed, or names a new one (added to the library
 * when the piece is saved); says which, and lets the editor tell a namesake apart.
 */
export function PersonField({ label, value, savedPeople, onChange }: { label: string; value: PersonPick; savedPeople: PersonSummary[]; onChange: (patch: Partial<PersonPick>) => void }) {
  const peopleId = useId();
  const statusId = useId();
  const people = useSuggestions<PersonSummary>(value.name, 'people', searchPeople);
  const sameName = (p: PersonSummary) => p.name.trim().toLowerCase() === value.name.trim().toLowerCase();
  // A name typed in full that matches someone in the library links them, as picking the suggestion does.
  useEffect(() => {
    if (value.slug || value.newPerson) return;
    const existing = people.find(sameName) ?? savedPeople.find(sameName);
    if (existing) onChange({ slug: existing.slug, name: existing.name });
  });
  const named = value.name.trim() !== '';
  const linked = named && value.slug !== '' && (!value.newPerson || savedPeople.some((p) => p.slug === value.slug));
  return (
    <>
      <TextField
        label={label}
        list={peopleId}
        value={value.name}
        aria-describedby={named ? statusId : undefined}
        onChange={(e) => {
          const existing = people.find((p) => p.name === e.target.value);
          onChange({ name: e.target.value, slug: existing?.slug ?? '', newPerson: false });
        }}
      />
      <datalist id={peopleId}>
        {people.map((p) => (
          <option key={p.slug} value={p.name} />
        ))}
      </datalist>
      {named && (
        <p id={statusId} className={`person-status ${linked ? 'linked' : 'new'}`}>
          {linked ? 'In the library' : 'New person: added to the library when you save'}
        </p>
      )}
      {linked && (
        <button type="button" onClick={() => onChange({ slug: freshPersonSlug(value.name), newPerson: true })}>
          A different {value.name}
        </button>
      )}
    </>
  );
}
