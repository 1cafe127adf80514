import { useState } from 'react';
import { setup, type Session } from '../api/session';
import { TextField } from '../components/field';
import { AuthForm } from './auth-form';

/** First run: only offered while the site has no staff at all. */
export function SetupPage({ onDone }: { onDone: (session: Session) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <AuthForm
      title="Set up your magazine"
      intro={<p>Create the first administrator account. This page works only until the first account exists.</p>}
      label="Create account"
      submit={async () => onDone(await setup({ name, email, password }))}
    >
      <TextField label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
      <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField label="Password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." value={password} onChange={(e) => setPassword(e.target.value)} />
    </AuthForm>
  );
}
