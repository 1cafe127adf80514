import { useState } from 'react';
import { signIn, type Session } from '../api/session';
import { TextField } from '../components/field';
import { Link } from '../router';
import { AuthForm } from './auth-form';

export function SignInPage({ onDone }: { onDone: (session: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <AuthForm
      title="Sign in"
      label="Sign in"
      submit={async () => onDone(await signIn(email, password))}
      footer={
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
          {' · '}
          <Link to="/email-sign-in">Email me a sign-in link</Link>
        </p>
      }
    >
      <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
    </AuthForm>
  );
}
