import { useId, useState } from 'react';
import type { ApiError } from '../../api/client';
import { postFormats, type Author, type PersonSummary, type PostFormat, type Tag, type Visibility } from '../../api/types';
import { SelectField, TextArea, TextField } from '../../components/field';
import { MediaPicker } from '../../components/media-picker';
import { PieceCommentAccess } from '../../components/piece-comment-access';
import type { Draft } from './draft';
import { NamedPeople } from './named-people';
import { ReviewForm } from './review-form';
import { TagInput } from './tag-input';
import { createTag } from '../../api/taxonomy';
import { atLeast, useStaff } from '../../session-context';

export interface ScheduleControl {
  /** A wall-clock time on the site's clock ("2027-03-28T09:30"). */
  value: string;
  /** The site's IANA time zone. */
  zone: string;
  onChange: (value: string) => void;
  onSchedule: () => void;
  busy: boolean;
}

export function SettingsPanel({
  type,
  draft,
  update,
  tags,
  onTagCreated,
  authors,
  error,
  schedule,
  savedPeople,
  postId,
}: {
  type: 'post' | 'page';
  draft: Draft;
  update: (patch: Partial<Draft> | ((current: Draft) => Partial<Draft>)) => void;
  tags: Tag[];
  onTagCreated: (tag: Tag) => void;
  authors: Author[];
  error: ApiError | null;
  schedule: ScheduleControl | null;
  /** People credited or named in the last saved version of the piece. */
  savedPeople: PersonSummary[];
  /** The saved piece's id; null until the first save. */
  postId: number | null;
}) {
  const [picking, setPicking] = useState(false);
  const staff = useStaff();
  const sections = tags.filter((t) => t.isSection);
  const image = draft.featureImage;
  const setImage = (patch: Partial<NonNullable<Draft['featureImage']>>) => image && update({ featureImage: { ...image, ...patch } });

  return (
    <aside className="side-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{type === 'post' ? 'Post' : 'Page'} settings</h2>
      {schedule && (
        <fieldset>
          <legend>Schedule</legend>
          <TextField
            label={`Publish at (${schedule.zone} time)`}
            type="datetime-local"
            value={schedule.value}
            onChange={(e) => schedule.onChange(e.target.value)}
            error={error?.field('publishedAt')}
            hint="On the site's clock, set in the site settings."
          />
          <button type="button" disabled={!schedule.value || schedule.busy} onClick={schedule.onSchedule}>
            Schedule
          </button>
        </fieldset>
      )}
      <TextField label="Slug" value={draft.slug} onChange={(e) => update({ slug: e.target.value })} error={error?.field('slug')} hint="The last part of the address." />
      <TextArea label="Excerpt" rows={3} value={draft.excerpt} onChange={(e) => update({ excerpt: e.target.value })} error={error?.field('excerpt')} />
      {type === 'post' && (
        <SelectField label="Format" value={draft.format} onChange={(e) => update({ format: e.target.value as PostFormat })} error={error?.field('format')}>
          {Object.entries(postFormats).map(([value, f]) => (
            <option key={value} value={value}>
              {f.label}
            </option>
          ))}
        </SelectField>
      )}
      {type === 'post' && (
        <SelectField label="Section" value={draft.section} onChange={(e) => update({ section: e.target.value })}>
          <option value="">None</option>
          {sections.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </SelectField>
      )}
      <TagInput
        value={draft.tags}
        tags={tags.filter((t) => !t.isSection)}
        onChange={(list) => update({ tags: list })}
        onCreate={async (name) => {
          const tag = await createTag({ name });
          onTagCreated(tag);
          return tag;
        }}
        canCreate={atLeast(staff.role, 'editor')}
        error={error?.field('tags')}
      />
      <AuthorList value={draft.authors} authors={authors} onChange={(list) => update({ authors: list })} error={error?.field('authors')} />
      <SelectField label="Visibility" value={draft.visibility} onChange={(e) => update({ visibility: e.target.value as Visibility })}>
        <option value="public">Everyone</option>
        <option value="members">Members</option>
        <option value="paid">Paying members</option>
      </SelectField>
      {type === 'post' && postId !== null && atLeast(staff.role, 'editor') && <PieceCommentAccess postId={postId} />}
      <label className="check">
        <input type="checkbox" checked={draft.featured} onChange={(e) => update({ featured: e.target.checked })} /> Featured
      </label>

      <fieldset>
        <legend>Feature image</legend>
        {image ? (
          <>
            <img className="feature-preview" src={image.url} alt="" />
            <TextField label="Image alt text" value={image.alt} onChange={(e) => setImage({ alt: e.target.value })} error={error?.field('featureImage')} />
            <TextField label="Image caption" value={image.caption} onChange={(e) => setImage({ caption: e.target.value })} />
            <TextField label="Image credit" value={image.credit} onChange={(e) => setImage({ credit: e.target.value })} />
            <button type="button" onClick={() => setPicking(true)}>
              Change image
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setPicking(true)}>
            Choose feature image
          </button>
        )}
      </fieldset>
      {picking && (
        <MediaPicker
          onClose={() => setPicking(false)}
          onChoose={(item) => {
            setPicking(false);
            update({ featureImage: { url: item.url, alt: item.alt, caption: item.caption ?? '', credit: item.credit ?? '' } });
          }}
        />
      )}

      {type === 'post' && draft.format === 'review' && <ReviewForm value={draft.review} onChange={(change) => update((d) => ({ review: change(d.review) }))} error={error} savedPeople={savedPeople} />}
      {type === 'post' && <NamedPeople value={draft.people} onChange={(change) => update((d) => ({ people: change(d.people) }))} error={error?.field('people')} savedPeople={savedPeople} />}

      <fieldset>
        <legend>Search engines and sharing</legend>
        <TextField label="SEO title" value={draft.seoTitle} onChange={(e) => update({ seoTitle: e.target.value })} error={error?.field('seoTitle')} />
        <TextArea label="SEO description" rows={2} value={draft.seoDescription} onChange={(e) => update({ seoDescription: e.target.value })} error={error?.field('seoDescription')} />
        <TextField label="Canonical URL" type="url" value={draft.canonicalUrl} onChange={(e) => update({ canonicalUrl: e.target.value })} error={error?.field('canonicalUrl')} />
      </fieldset>
      <TextArea label="Content notes" rows={2} hint="One per line, e.g. “Discusses grief”." value={draft.contentNotes} onChange={(e) => update({ contentNotes: e.target.value })} error={error?.field('contentNotes')} />
    </aside>
  );
}

function AuthorList({ value, authors, onChange, error }: { value: string[]; authors: Author[]; onChange: (list: string[]) => void; error?: string }) {
  const addId = useId();
  const name = (slug: string) => authors.find((a) => a.slug === slug)?.name ?? slug;
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    if (item !== undefined) next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <fieldset>
      <legend>Authors</legend>
      <ol className="author-list">
        {value.map((slug, i) => (
          <li key={slug}>
            <span>{name(slug)}</span>
            <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${name(slug)} up`}>
              ↑
            </button>
            <button type="button" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${name(slug)} down`}>
              ↓
            </button>
            <button type="button" onClick={() => onChange(value.filter((s) => s !== slug))} aria-label={`Remove ${name(slug)}`}>
              ×
            </button>
          </li>
        ))}
      </ol>
      {error && <p className="field-error">{error}</p>}
      <label htmlFor={addId}>Add author</label>
      <select id={addId} value="" onChange={(e) => e.target.value && onChange([...value, e.target.value])}>
        <option value="">Choose…</option>
        {authors
          .filter((a) => !value.includes(a.slug))
          .map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
      </select>
    </fieldset>
  );
}
