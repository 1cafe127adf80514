import { requestSignInLink, signInWithLink, type Session } from '../api/session';
import { navigate } from '../router';
import { AuthForm, EmailLinkForm } from './auth-form';

/** Asks for an emailed sign-in link: the way in when the password is paused or forgotten. */
export function EmailSignInPage() {
  return (
    <EmailLinkForm
      title="Sign in by email"
      intro="We will email you a link that signs you in once, without your password, even while password sign-in is paused."
      sent={(email) => `If ${email} belongs to a staff account, a sign-in link is on its way. It works for 15 minutes.`}
      label="Email me a sign-in link"
      send={requestSignInLink}
    />
  );
}

/**
 * Where the emailed link leads. Opening it signs nobody in (mail scanners open links too); the
 * button does, and uses the link up.
 */
export function SignInLinkPage({ token, onDone }: { token: string; onDone: (session: Session) => void }) {
  return (
    <AuthForm
      title="Finish signing in"
      label="Sign in"
      submit={async () => {
        const session = await signInWithLink(token);
        navigate('/', { replace: true });
        onDone(session);
      }}
      footer={<p className="muted">The link works once. This browser will be remembered for password sign-ins.</p>}
    >
      <p>You opened a sign-in link from your email.</p>
    </AuthForm>
  );
}
