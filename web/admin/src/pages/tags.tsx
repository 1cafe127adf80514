import { useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { createTag, listTags, replaceTag } from '../api/taxonomy';
import type { Tag } from '../api/types';
import { announce } from '../components/announcer';
import { FormError, TextField } from '../components/field';
import { toProblem, type FormProblem } from './auth-form';

export function TagsPage() {
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [isSection, setIsSection] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  useEffect(() => {
    listTags().then(setTags, (err: unknown) => setError(describeError(err)));
  }, []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const tag = await createTag({ name, isSection });
      setTags((list) => [...(list ?? []), tag]);
      setName('');
      setProblem(null);
      announce(`Added ${tag.name}.`);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const toggleSection = async (tag: Tag) => {
    try {
      const updated = await replaceTag(tag.slug, {
        name: tag.name,
        slug: tag.slug,
        description: tag.description,
        accentColor: tag.accentColor ?? undefined,
        navOrder: tag.navOrder ?? undefined,
        isSection: !tag.isSection,
      });
      setTags((list) => list?.map((t) => (t.id === tag.id ? updated : t)) ?? null);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  const sections = tags?.filter((t) => t.isSection) ?? [];
  const others = tags?.filter((t) => !t.isSection) ?? [];
  return (
    <section>
      <h1>Sections &amp; tags</h1>
      <p>Sections appear in the site's navigation and give a post its main home; tags group posts more loosely.</p>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <FormError error={problem} />
        <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={problem?.fields?.find((f) => f.field === 'name')?.message} />
        <label className="check"><input type="checkbox" checked={isSection} onChange={(e) => setIsSection(e.target.checked)} /> Section</label>
        <button type="submit" className="primary">Add</button>
      </form>
      {error && <p role="alert" className="form-error">{error}</p>}
      {tags && (
        <div className="two-columns">
          <TagTable title="Sections" tags={sections} onToggle={toggleSection} />
          <TagTable title="Tags" tags={others} onToggle={toggleSection} />
        </div>
      )}
    </section>
  );
}

function TagTable({ title, tags, onToggle }: { title: string; tags: Tag[]; onToggle: (tag: Tag) => Promise<void> }) {
  return (
    <div>
      <h2>{title}</h2>
      {tags.length === 0 ? <p className="empty">None yet.</p> : (
        <table className="list">
          <thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.id}>
                <td>{tag.accentColor && <span className="swatch" style={{ background: tag.accentColor }} aria-hidden="true" />}{tag.name}</td>
                <td><code>{tag.slug}</code></td>
                <td><button type="button" onClick={() => void onToggle(tag)}>{tag.isSection ? 'Make a tag' : 'Make a section'}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
