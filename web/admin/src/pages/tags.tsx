import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { createTag, replaceTag, tagList } from '../api/taxonomy';
import type { Tag } from '../api/types';
import { announce } from '../components/announcer';
import { FormError, TextField } from '../components/field';
import { toProblem, type FormProblem } from './auth-form';

export function TagsPage() {
  // Adding or changing a tag reads the list again (see api/query-client).
  const read = useQuery(tagList);
  const tags = read.data;
  const error = read.error ? describeError(read.error) : null;
  const [name, setName] = useState('');
  const [isSection, setIsSection] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const tag = await createTag({ name, isSection });
      setName('');
      setProblem(null);
      announce(`Added ${tag.name}.`);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const change = async (tag: Tag, changes: Pick<Tag, 'isSection' | 'visibility'>) => {
    try {
      const updated = await replaceTag(tag.slug, {
        name: tag.name,
        slug: tag.slug,
        description: tag.description,
        accentColor: tag.accentColor ?? undefined,
        navOrder: tag.navOrder ?? undefined,
        ...changes,
      });
      if (updated.visibility !== tag.visibility) announce(`${updated.name} is now ${updated.visibility === 'internal' ? 'internal, hidden from readers' : 'public'}.`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  const sections = tags?.filter((t) => t.isSection) ?? [];
  const others = tags?.filter((t) => !t.isSection && t.visibility === 'public') ?? [];
  const internal = tags?.filter((t) => t.visibility === 'internal') ?? [];
  return (
    <section>
      <h1>Sections &amp; tags</h1>
      <p>
        Sections appear in the site's navigation and give a post its main home; tags group posts more loosely. Internal tags (a name starting with <code>#</code>, as in Ghost) sort posts for staff and integrations and
        are never shown to readers.
      </p>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <FormError error={problem} />
        <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={problem?.fields?.find((f) => f.field === 'name')?.message} />
        <label className="check">
          <input type="checkbox" checked={isSection} onChange={(e) => setIsSection(e.target.checked)} /> Section
        </label>
        <button type="submit" className="primary">
          Add
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {tags && (
        <div className="two-columns">
          <TagTable title="Sections" tags={sections} onChange={change} />
          <TagTable title="Tags" tags={others} onChange={change} />
          <TagTable title="Internal tags" tags={internal} onChange={change} />
        </div>
      )}
    </section>
  );
}

type TagChange = (tag: Tag, changes: Pick<Tag, 'isSection' | 'visibility'>) => Promise<void>;

/** What a row offers: a public tag may become a section or internal; an internal one public again unless its name says `#`. */
function TagActions({ tag, onChange }: { tag: Tag; onChange: TagChange }) {
  if (tag.visibility === 'internal') {
    if (tag.name.trimStart().startsWith('#')) return <span className="hint">Internal by its # name</span>;
    return (
      <button type="button" onClick={() => void onChange(tag, { isSection: false, visibility: 'public' })}>
        Make public
      </button>
    );
  }
  return (
    <>
      <button type="button" onClick={() => void onChange(tag, { isSection: !tag.isSection, visibility: 'public' })}>
        {tag.isSection ? 'Make a tag' : 'Make a section'}
      </button>
      {!tag.isSection && (
        <button type="button" onClick={() => void onChange(tag, { isSection: false, visibility: 'internal' })}>
          Make internal
        </button>
      )}
    </>
  );
}

function TagTable({ title, tags, onChange }: { title: string; tags: Tag[]; onChange: TagChange }) {
  return (
    <div>
      <h2>{title}</h2>
      {tags.length === 0 ? (
        <p className="empty">None yet.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.id}>
                <td>
                  {tag.accentColor && <span className="swatch" style={{ background: tag.accentColor }} aria-hidden="true" />}
                  {tag.name}
                  {tag.visibility === 'internal' && (
                    <>
                      {' '}
                      <span className="badge">Internal</span>
                    </>
                  )}
                </td>
                <td>
                  <code>{tag.slug}</code>
                </td>
                <td>
                  <TagActions tag={tag} onChange={onChange} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
