import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { signIn, type Session } from '../api/session';
import { TextField } from './field';

/**
 * Shown over the current screen when the session has expired: signing in again resumes the
 * request that was refused, so an edit in progress is saved rather than lost.
 */
export function SignInDialog({ email, onSignedIn }: { email: string; onSignedIn: (session: Session) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await signIn(email, password));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="reauth-title" onCancel={(e) => e.preventDefault()}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="reauth-title">Your session has ended</h2>
        <p>Sign in again as {email} to carry on. Your unsaved work is kept and will be saved once you are back.</p>
        <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={error ?? undefined} />
        <button type="submit" className="primary" disabled={busy}>
          Sign in and continue
        </button>
      </form>
    </dialog>
  );
}
