import { pieceRoles, type PersonSummary, type PieceRole } from '../../api/types';
import { SelectField } from '../../components/field';
import type { NamedPersonDraft } from './draft';
import { PersonField } from './person-field';

/**
 * The people a piece is about other than through a reviewed work (an interview's subject), each
 * with their role; each gets the piece listed on their page on the site.
 */
export function NamedPeople({
  value,
  onChange,
  error,
  savedPeople,
}: {
  value: NamedPersonDraft[];
  onChange: (change: (list: NamedPersonDraft[]) => NamedPersonDraft[]) => void;
  error?: string;
  savedPeople: PersonSummary[];
}) {
  const set = (i: number, patch: Partial<NamedPersonDraft>) => onChange((list) => list.map((p, j) => (i === j ? { ...p, ...patch } : p)));
  return (
    <fieldset>
      <legend>People in this piece</legend>
      {error && <p className="field-error">{error}</p>}
      {value.map((named, i) => (
        <div className="credit-row" key={i}>
          <PersonField label={`Person in the piece ${i + 1}`} value={named} savedPeople={savedPeople} onChange={(patch) => set(i, patch)} />
          <SelectField label={`Named as ${i + 1}`} value={named.role} onChange={(e) => set(i, { role: e.target.value as PieceRole })}>
            {Object.entries(pieceRoles).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </SelectField>
          <button type="button" onClick={() => onChange((list) => list.filter((_, j) => j !== i))} aria-label={`Remove person in the piece ${i + 1}`}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange((list) => [...list, { name: '', slug: '', role: 'interviewee' }])}>
        Add person
      </button>
    </fieldset>
  );
}
