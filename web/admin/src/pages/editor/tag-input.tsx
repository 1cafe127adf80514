import { useId, useState, type KeyboardEvent } from 'react';
import { describeError } from '../../api/client';
import type { Tag } from '../../api/types';
import { announce } from '../../components/announcer';

type Option = { kind: 'tag'; tag: Tag } | { kind: 'create'; name: string };

const MAX_SUGGESTIONS = 8;

/** What the list offers for the typed text: matching tags not yet chosen, then "create" when nothing matches exactly. */
function optionsFor(text: string, tags: Tag[], chosen: string[], canCreate: boolean): Option[] {
  const query = text.trim().toLowerCase();
  if (query === '') return [];
  const matches = tags
    .filter((t) => !chosen.includes(t.slug) && (t.name.toLowerCase().includes(query) || t.slug.includes(query)))
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(query)) - Number(!b.name.toLowerCase().startsWith(query)) || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((tag): Option => ({ kind: 'tag', tag }));
  const exact = tags.some((t) => t.name.toLowerCase() === query || t.slug === query);
  return canCreate && !exact ? [...matches, { kind: 'create', name: text.trim() }] : matches;
}

/**
 * Tags as removable chips with a type-ahead: existing tags are offered as you type (arrow keys
 * and Enter, or a click), and a name that matches none can be created on the spot. Follows the
 * ARIA combobox pattern, so screen readers hear the suggestions and the active one.
 */
export function TagInput({
  value,
  tags,
  onChange,
  onCreate,
  canCreate,
  error,
}: {
  value: string[];
  tags: Tag[];
  onChange: (slugs: string[]) => void;
  onCreate: (name: string) => Promise<Tag>;
  canCreate: boolean;
  error?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = optionsFor(text, tags, value, canCreate);
  const expanded = open && options.length > 0;
  const name = (slug: string) => tags.find((t) => t.slug === slug)?.name ?? slug;
  const internal = (slug: string) => tags.some((t) => t.slug === slug && t.visibility === 'internal');

  const add = (tag: Tag) => {
    if (!value.includes(tag.slug)) onChange([...value, tag.slug]);
    setText('');
    setActive(0);
    announce(`Tag ${tag.name} added.`);
  };
  const choose = async (option: Option) => {
    setProblem(null);
    if (option.kind === 'tag') return add(option.tag);
    setBusy(true);
    try {
      const tag = await onCreate(option.name);
      add(tag);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = (slug: string) => {
    onChange(value.filter((s) => s !== slug));
    announce(`Tag ${name(slug)} removed.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' || event.key === ',') {
      if (text.trim() === '') return;
      event.preventDefault();
      const option = expanded ? options[Math.min(active, options.length - 1)] : options[0];
      if (option) void choose(option);
      else if (!canCreate) setProblem(`No tag is called “${text.trim()}”; only editors can create tags.`);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && value.length) {
      remove(value[value.length - 1]!);
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const shownError = problem ?? error;
  return (
    <div className="field tag-input">
      <label htmlFor={`${id}-input`}>Tags</label>
      {value.length > 0 && (
        <ul className="chips" aria-label="Chosen tags">
          {value.map((slug) => (
            <li key={slug} className="chip">
              {name(slug)}
              {internal(slug) && (
                <>
                  {' '}
                  <span className="badge">Internal</span>
                </>
              )}
              <button type="button" aria-label={`Remove tag ${name(slug)}`} onClick={() => remove(slug)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-option-${Math.min(active, options.length - 1)}` : undefined}
        aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
        aria-invalid={shownError ? true : undefined}
        aria-busy={busy || undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Tag suggestions" className="suggestions" hidden={!expanded}>
        {expanded &&
          options.map((option, i) => (
            <li
              key={option.kind === 'tag' ? option.tag.slug : `create:${option.name}`}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === Math.min(active, options.length - 1)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void choose(option)}
            >
              {option.kind === 'tag' ? (
                <>
                  {option.tag.name}
                  {option.tag.visibility === 'internal' && (
                    <>
                      {' '}
                      <span className="badge">Internal</span>
                    </>
                  )}
                </>
              ) : option.name.startsWith('#') ? (
                <>Create internal tag “{option.name}”</>
              ) : (
                <>Create tag “{option.name}”</>
              )}
            </li>
          ))}
      </ul>
      <span id={hintId} className="hint">
        {canCreate ? 'Type to find a tag, then Enter; a new name creates the tag.' : 'Type to find a tag, then Enter.'} Internal tags are never shown to readers.
      </span>
      {shownError && (
        <span id={errorId} className="field-error">
          {shownError}
        </span>
      )}
    </div>
  );
}
