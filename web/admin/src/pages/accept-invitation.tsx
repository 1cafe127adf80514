import { useState } from 'react';
import { acceptInvitation, type Session } from '../api/session';
import { TextField } from '../components/field';
import { navigate } from '../router';
import { AuthForm } from './auth-form';

export function AcceptInvitationPage({ token, onDone }: { token: string; onDone: (session: Session) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  return (
    <AuthForm
      title="Join the team"
      intro={<p>Choose your name as readers will see it and a password.</p>}
      label="Accept invitation"
      submit={async () => {
        const session = await acceptInvitation(token, { name, password });
        navigate('/', { replace: true });
        onDone(session);
      }}
    >
      <TextField label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
      <TextField label="Password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." value={password} onChange={(e) => setPassword(e.target.value)} />
    </AuthForm>
  );
}
