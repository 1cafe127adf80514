import { useEffect, useState } from 'react';

export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** Milliseconds before the notice goes away by itself. */
  timeout: number;
  onExpire?: () => void;
}

let nextId = 1;
const listeners = new Set<(notices: Notice[]) => void>();
let notices: Notice[] = [];

function publish(next: Notice[]) {
  notices = next;
  for (const listener of listeners) listener(notices);
}

/** Shows a short message in the polite live region; with an action (like Undo) it stays a while. */
export function announce(message: string, options: Partial<Omit<Notice, 'id' | 'message'>> = {}): () => void {
  const notice: Notice = { id: nextId++, message, tone: options.tone ?? 'info', timeout: options.timeout ?? 5000, ...options };
  publish([...notices, notice]);
  const timer = window.setTimeout(() => {
    dismiss(notice.id);
    notice.onExpire?.();
  }, notice.timeout);
  return () => {
    window.clearTimeout(timer);
    dismiss(notice.id);
  };
}

function dismiss(id: number) {
  publish(notices.filter((n) => n.id !== id));
}

export function Announcer() {
  const [shown, setShown] = useState<Notice[]>(notices);
  useEffect(() => {
    listeners.add(setShown);
    return () => {
      listeners.delete(setShown);
    };
  }, []);
  return (
    <div className="notices" role="status" aria-live="polite">
      {shown.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`}>
          <span>{notice.message}</span>
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                dismiss(notice.id);
                notice.action?.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
