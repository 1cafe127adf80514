import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, describeError } from '../api/client';
import { FormError, TextField } from '../components/field';
import { Link } from '../router';

export interface FormProblem {
  message: string;
  fields?: Array<{ field: string; message: string }>;
}

/** Turns any error into what a form shows: the message and the fields the server named. */
export function toProblem(error: unknown): FormProblem {
  return error instanceof ApiError ? { message: error.message, fields: error.fields } : { message: describeError(error) };
}

/** The centred card used by sign in, setup, invitations and password resets. */
export function AuthForm({ title, intro, submit, label, children, footer }: { title: string; intro?: ReactNode; submit: () => Promise<void>; label: string; children: ReactNode; footer?: ReactNode }) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await submit();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="auth">
      <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <p className="brand">Masthead</p>
        <h1>{title}</h1>
        {intro}
        <FormError error={problem} />
        {children}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Please wait…' : label}
        </button>
        {footer}
      </form>
    </main>
  );
}

/**
 * Asks for an emailed link (a password reset or a sign-in link). The answer is the same whether or
 * not the address has an account, so the page says what happens if it does.
 */
export function EmailLinkForm({
  title,
  intro,
  sent,
  label,
  send,
}: {
  title: string;
  intro: string;
  /** What the page says once asked, given the address. */
  sent: (email: string) => string;
  label: string;
  send: (email: string) => Promise<void>;
}) {
  const [email, setEmail] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  return (
    <AuthForm
      title={title}
      intro={asked === null ? <p>{intro}</p> : <p role="status">{sent(asked)}</p>}
      label={label}
      submit={async () => {
        await send(email);
        setAsked(email);
      }}
      footer={
        <p>
          <Link to="/">Back to sign in</Link>
        </p>
      }
    >
      <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
    </AuthForm>
  );
}
