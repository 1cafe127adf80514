import { useEffect, useRef, type ReactNode } from 'react';

/** A modal question with a confirm and a cancel button; Escape cancels. */
export function ConfirmDialog({ title, children, confirm, danger, onConfirm, onCancel }: { title: string; children: ReactNode; confirm: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      {children}
      <div className="row dialog-actions">
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
