import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../api/client';
import { deleteMedia, mediaLibrary, updateMedia } from '../api/media';
import type { MediaItem } from '../api/types';
import { announce } from '../components/announcer';
import { MediaUploader } from '../components/media-uploader';

export function MediaPage() {
  const queries = useQueryClient();
  const library = useQuery(mediaLibrary);
  const items = library.data;
  const error = library.error ? describeError(library.error) : null;

  const save = async (item: MediaItem, alt: string) => {
    try {
      await updateMedia(item.id, { alt, caption: item.caption ?? undefined, credit: item.credit ?? undefined });
      announce('Alt text saved.');
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };
  const remove = async (item: MediaItem) => {
    try {
      await deleteMedia(item.id);
      announce(`Deleted ${item.filename}.`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };

  return (
    <section>
      <h1>Media</h1>
      <MediaUploader
        onUploaded={(item) => {
          // Uploads report their progress, so they go outside the API client: read the library again.
          void queries.invalidateQueries({ queryKey: mediaLibrary.queryKey });
          announce(`Uploaded ${item.filename}.`);
        }}
      />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p className="empty">No images yet.</p>}
      {items && items.length > 0 && (
        <ul className="media-grid">
          {items.map((item) => (
            <MediaCard key={item.id} item={item} onSave={save} onDelete={remove} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MediaCard({ item, onSave, onDelete }: { item: MediaItem; onSave: (item: MediaItem, alt: string) => Promise<void>; onDelete: (item: MediaItem) => Promise<void> }) {
  const [alt, setAlt] = useState(item.alt);
  return (
    <li className="media-card">
      <img src={item.url} alt="" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSave(item, alt);
        }}
      >
        <label>
          Alt text for {item.filename}
          <input value={alt} onChange={(e) => setAlt(e.target.value)} />
        </label>
        <div className="row">
          <button type="submit" disabled={alt === item.alt}>
            Save
          </button>
          <button type="button" className="danger" onClick={() => void onDelete(item)}>
            Delete
          </button>
        </div>
        <p className="muted">
          {item.width} × {item.height} · {Math.ceil(item.bytes / 1024)} KB
        </p>
      </form>
    </li>
  );
}
