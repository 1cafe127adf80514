import { useState } from 'react';
import { requestPasswordReset, resetPassword } from '../api/session';
import { TextField } from '../components/field';
import { Link } from '../router';
import { AuthForm } from './auth-form';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  return (
    <AuthForm
      title="Reset your password"
      intro={sent
        ? <p role="status">If {email} belongs to a staff account, a link to choose a new password is on its way.</p>
        : <p>We will email you a link to choose a new password.</p>}
      label="Send reset link"
      submit={async () => {
        await requestPasswordReset(email);
        setSent(true);
      }}
      footer={<p><Link to="/">Back to sign in</Link></p>}
    >
      <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
    </AuthForm>
  );
}

export function ResetPasswordPage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <main className="auth">
        <div className="card">
          <p className="brand">Masthead</p>
          <h1>Password changed</h1>
          <p role="status">Your new password is saved and every other session has been signed out.</p>
          <button type="button" className="primary" onClick={() => window.location.assign('/admin/')}>Sign in</button>
        </div>
      </main>
    );
  }
  return (
    <AuthForm
      title="Choose a new password"
      label="Save password"
      submit={async () => {
        await resetPassword(token, password);
        setDone(true);
      }}
    >
      <TextField label="New password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." value={password} onChange={(e) => setPassword(e.target.value)} />
    </AuthForm>
  );
}
