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
  const toggleSection = async (tag: Tag) => {
    try {
      await replaceTag(tag.slug, {
        name: tag.name,
        slug: tag.slug,
        description: tag.description,
        accentColor: tag.accentColor ?? undefined,
        navOrder: tag.navOrder ?? undefined,
        isSection: !tag.isSection,
      });
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
