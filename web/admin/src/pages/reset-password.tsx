import { useState } from 'react';
import { requestPasswordReset, resetPassword } from '../api/session';
import { TextField } from '../components/field';
import { AuthForm, EmailLinkForm } from './auth-form';

export function ForgotPasswordPage() {
  return (
    <EmailLinkForm
      title="Reset your password"
      intro="We will email you a link to choose a new password."
      sent={(email) => `If ${email} belongs to a staff account, a link to choose a new password is on its way.`}
      label="Send reset link"
      send={requestPasswordReset}
    />
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
          <button type="button" className="primary" onClick={() => window.location.assign('/admin/')}>
            Sign in
          </button>
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
