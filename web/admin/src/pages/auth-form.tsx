import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, describeError } from '../api/client';
import { FormError } from '../components/field';

export interface FormProblem {
  message: string;
  fields?: Array<{ field: string; message: string }>;
}

/** Turns any error into what a form shows: the message and the fields the server named. */
export function toProblem(error: unknown): FormProblem {
  return error instanceof ApiError ? { message: error.message, fields: error.fields } : { message: describeError(error) };
}

/** The centred card used by sign in, setup, invitations and password resets. */
export function AuthForm({ title, intro, submit, label, children, footer }: {
  title: string;
  intro?: ReactNode;
  submit: () => Promise<void>;
  label: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
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
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Please wait…' : label}</button>
        {footer}
      </form>
    </main>
  );
}
