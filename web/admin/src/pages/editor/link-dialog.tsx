import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../components/field';

export interface LinkValue {
  href: string;
  newTab: boolean;
}

/**
 * What a typed link address means: web, mail and phone addresses, addresses on this site
 * (`/about/`, `#notes`), and bare domains (`example.com` becomes https://example.com). Anything
 * else, `javascript:` included, is refused with the reason.
 */
export function checkHref(text: string): { href: string } | { error: string } {
  const value = text.trim();
  if (value === '') return { error: 'Enter the address to link to.' };
  if (/^[/#]/.test(value) && !value.startsWith('//')) return { href: value };
  if (/^(mailto|tel):\S+$/i.test(value)) return { href: value };
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : /^[^\s/]+\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(value) ? `https://${value}` : null;
  if (candidate === null) return { error: 'Enter a web address such as https://example.com, a mailto: or tel: address, or a path on this site such as /about/.' };
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'Only web (https://), mailto: and tel: addresses can be linked.' };
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return { error: 'That address has no domain; check it, e.g. https://example.com.' };
    return { href: candidate };
  } catch {
    return { error: 'That is not a valid web address.' };
  }
}

/**
 * The link editor: an address (checked as it is applied), "open in a new tab", and removing the
 * link. A modal dialog, so focus stays inside until it is closed, then returns to the text.
 */
export function LinkDialog({ initial, onApply, onRemove, onClose }: { initial: LinkValue | null; onApply: (link: LinkValue) => void; onRemove: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [href, setHref] = useState(initial?.href ?? '');
  const [newTab, setNewTab] = useState(initial?.newTab ?? false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkHref(href);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    onApply({ href: checked.href, newTab });
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{initial ? 'Edit link' : 'Add link'}</h2>
        <TextField
          label="Link address"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={href}
          onChange={(e) => {
            setHref(e.target.value);
            setError(undefined);
          }}
          error={error}
          hint="A web address, a mailto: or tel: address, or a path on this site."
        />
        <label className="check">
          <input type="checkbox" checked={newTab} onChange={(e) => setNewTab(e.target.checked)} /> Open in a new tab
        </label>
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {initial ? 'Update link' : 'Add link'}
          </button>
          {initial && (
            <button type="button" onClick={onRemove}>
              Remove link
            </button>
          )}
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
