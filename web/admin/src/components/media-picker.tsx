import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { describeError } from '../api/client';
import { mediaLibrary } from '../api/media';
import type { MediaItem } from '../api/types';
import { MediaUploader } from './media-uploader';

/** A dialog to reuse an image from the library or upload a new one. */
export function MediaPicker({ onChoose, onClose }: { onChoose: (item: MediaItem) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const library = useQuery(mediaLibrary);
  const items = library.data;
  const error = library.error ? describeError(library.error) : null;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby="picker-title" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="picker-title">Choose an image</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <MediaUploader onUploaded={onChoose} />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p className="empty">The library is empty: upload the first image above.</p>}
      {items && items.length > 0 && (
        <ul className="media-grid">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="media-choice" onClick={() => onChoose(item)}>
                <img src={item.url} alt="" />
                <span>{item.alt || item.filename}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </dialog>
  );
}
