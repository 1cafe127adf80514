import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { uploadMedia } from '../api/media';
import type { MediaItem } from '../api/types';
import { TextField } from './field';

/**
 * Drop a file (or choose one), describe it, upload it. Alt text is asked for before the upload;
 * the server's reasons for refusing a file (type, size, hidden scripts, bombs) are shown as they are.
 */
export function MediaUploader({ onUploaded }: { onUploaded: (item: MediaItem) => void }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = (files: FileList | null) => {
    const first = files?.[0];
    if (!first) return;
    setFile(first);
    setAlt('');
    setCaption('');
    setCredit('');
    setError(null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (alt.trim() === '') {
      setError('Describe the image for people who cannot see it (alt text).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onUploaded(await uploadMedia(file, { alt: alt.trim(), caption: caption.trim(), credit: credit.trim() }));
      setFile(null);
      setAlt('');
      if (input.current) input.current.value = '';
    } catch (err) {
      setError(`${file.name} was not uploaded: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="uploader" onSubmit={(e) => void submit(e)}>
      <div
        className={`drop-zone${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>Drop an image here, or</p>
        <label htmlFor={inputId} className="button">
          Choose a file
        </label>
        <input id={inputId} ref={input} className="visually-hidden" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif,image/svg+xml" onChange={(e) => take(e.target.files)} />
        <p className="hint">JPEG, PNG, WebP, AVIF, GIF or SVG.</p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {file && (
        <div className="upload-details">
          <p>
            Ready to upload <strong>{file.name}</strong> ({Math.ceil(file.size / 1024)} KB).
          </p>
          <TextField label="Alt text" hint="What the image shows, for people who cannot see it." value={alt} onChange={(e) => setAlt(e.target.value)} maxLength={300} />
          <div className="row">
            <TextField label="Caption" value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} />
            <TextField label="Credit" hint="Photographer or source." value={credit} onChange={(e) => setCredit(e.target.value)} maxLength={300} />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Uploading…' : 'Upload'}
          </button>
        </div>
      )}
    </form>
  );
}
