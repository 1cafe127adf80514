import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { onSessionExpired } from './api/client';
import { queryClient } from './api/query-client';
import { sessionQuery, signOut, type Session, type SessionLookup } from './api/session';
import { AdminNav } from './components/admin-nav';
import { Announcer } from './components/announcer';
import { SignInDialog } from './components/sign-in-dialog';
import { Link, match, navigate, useLocation } from './router';
import { SessionContext, atLeast } from './session-context';
import { AcceptInvitationPage } from './pages/accept-invitation';
import { CommentsPage } from './pages/comments';
import { DashboardPage } from './pages/dashboard';
import { ImportPage } from './pages/import';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/reset-password';
import { MediaPage } from './pages/media';
import { memberNavItems, memberScreen } from './pages/members/routes';
import { PostsPage } from './pages/posts';
import { SettingsPage } from './pages/settings';
import { SetupPage } from './pages/setup';
import { SignInPage } from './pages/sign-in';
import { EmailSignInPage, SignInLinkPage } from './pages/sign-in-link';
import { StaffPage } from './pages/staff';
import { TagsPage } from './pages/tags';
import { WebhooksPage } from './pages/webhooks';

/** The editor (TipTap and ProseMirror) is the heaviest screen: it loads only when opened. */
const EditorPage = lazy(() => import('./pages/editor/editor-page').then((m) => ({ default: m.EditorPage })));
const NewsletterScreens = lazy(() => import('./pages/newsletter/index').then((m) => ({ default: m.NewsletterScreens })));

export function App() {
  const read = useQuery(sessionQuery);
  const [reauth, setReauth] = useState<(() => void) | null>(null);
  const { path, search } = useLocation();

  useEffect(() => {
    onSessionExpired(() => new Promise<void>((resolve) => setReauth(() => resolve)));
  }, []);

  const show = (found: SessionLookup) => queryClient.setQueryData(sessionQuery.queryKey, found);
  const signedIn = (session: Session) => show({ kind: 'signed-in', session });
  const state = read.data;

  if (path === '/accept-invite') return <AcceptInvitationPage token={search.get('token') ?? ''} onDone={signedIn} />;
  if (path === '/reset-password') return <ResetPasswordPage token={search.get('token') ?? ''} />;
  if (path === '/forgot-password') return <ForgotPasswordPage />;
  if (path === '/sign-in-link') return <SignInLinkPage token={search.get('token') ?? ''} onDone={signedIn} />;
  if (path === '/email-sign-in') return <EmailSignInPage />;
  if (!state && read.error) {
    return (
      <main className="auth">
        <h1>Masthead</h1>
        <p role="alert">{read.error instanceof Error ? read.error.message : 'The admin API did not answer.'}</p>
        <button type="button" disabled={read.isFetching} onClick={() => void read.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  if (!state)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (state.kind === 'signed-out') {
    return state.setupNeeded ? <SetupPage onDone={signedIn} /> : <SignInPage onDone={signedIn} />;
  }

  const user = state.session.user;
  return (
    <SessionContext.Provider value={user}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <header className="sidebar">
          <AdminNav
            items={navItems.filter((item) => atLeast(user.role, item.min))}
            path={path}
            contentId="main"
            account={
              <div className="whoami">
                <p>
                  {user.name}
                  <br />
                  <span className="muted">{user.role}</span>
                </p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void signOut().then(() => {
                      // Nothing read for this person stays behind for the next one.
                      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQuery.queryKey[0] });
                      queryClient.getMutationCache().clear();
                      show({ kind: 'signed-out', setupNeeded: false });
                      navigate('/', { replace: true });
                    })
                  }
                >
                  Sign out
                </button>
              </div>
            }
          />
        </header>
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <Screen path={path} />
          </Suspense>
        </main>
      </div>
      <Announcer />
      {reauth && (
        <SignInDialog
          email={user.email}
          onSignedIn={(session) => {
            signedIn(session);
            reauth();
            setReauth(null);
          }}
        />
      )}
    </SessionContext.Provider>
  );
}

const navItems = [
  { to: '/', label: 'Dashboard', min: 'contributor' },
  { to: '/posts', label: 'Posts', min: 'contributor' },
  { to: '/pages', label: 'Pages', min: 'editor' },
  { to: '/tags', label: 'Sections & tags', min: 'editor' },
  { to: '/media', label: 'Media', min: 'contributor' },
  { to: '/comments', label: 'Comments', min: 'author' },
  ...memberNavItems,
  { to: '/newsletter', label: 'Newsletter', min: 'editor' },
  { to: '/staff', label: 'Staff', min: 'editor' },
  { to: '/settings', label: 'Settings', min: 'administrator' },
  { to: '/webhooks', label: 'Webhooks', min: 'administrator' },
  { to: '/import', label: 'Import', min: 'administrator' },
] as const;

function Screen({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if (path === '/') return <DashboardPage />;
  if (path === '/posts') return <PostsPage type="post" />;
  if (path === '/pages') return <PostsPage type="page" />;
  if ((params = match('/posts/:id', path))) return <EditorPage key={path} id={params.id ?? 'new'} type="post" />;
  if ((params = match('/pages/:id', path))) return <EditorPage key={path} id={params.id ?? 'new'} type="page" />;
  if (path === '/tags') return <TagsPage />;
  if (path === '/media') return <MediaPage />;
  if (path === '/comments') return <CommentsPage />;
  if (path === '/staff') return <StaffPage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/webhooks') return <WebhooksPage />;
  if (path === '/import') return <ImportPage />;
  const members = memberScreen(path);
  if (members) return members;
  if (path === '/newsletter' || path.startsWith('/newsletter/')) return <NewsletterScreens path={path} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing in the admin lives at this address. <Link to="/">Back to the dashboard</Link>.
      </p>
    </section>
  );
}
