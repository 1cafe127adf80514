import { useCallback, useEffect, useState } from 'react';
import { has } from '../../api/capabilities';
import { describeError } from '../../api/client';
import { deletePost, getPost, previewUrl, publishPost, restorePost, schedulePost, unpublishPost } from '../../api/posts';
import { listAuthors, listTags } from '../../api/taxonomy';
import type { Author, Post, Tag } from '../../api/types';
import { announce } from '../../components/announcer';
import { FormError } from '../../components/field';
import { Link, navigate } from '../../router';
import { atLeast, useStaff } from '../../session-context';
import { formatDate } from '../format';
import { ConflictBanner } from './conflict-banner';
import { emptyDraft, toDraft, type Draft } from './draft';
import { RevisionsPanel } from './revisions-panel';
import { RichText } from './rich-text';
import { SettingsPanel } from './settings-panel';
import { useAutosave, type SaveState } from './use-autosave';

export function EditorPage({ id, type }: { id: string; type: 'post' | 'page' }) {
  const [loaded, setLoaded] = useState<{ post: Post | null } | null>(id === 'new' ? { post: null } : null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (id === 'new') return;
    getPost(Number(id)).then((post) => setLoaded({ post }), (err: unknown) => setError(describeError(err)));
  }, [id]);
  if (error) return <section><h1>Cannot open this {type}</h1><p role="alert">{error}</p><Link to={`/${type}s`}>Back to the list</Link></section>;
  if (!loaded) return <p role="status">Loading…</p>;
  return <Editor initial={loaded.post} type={type} />;
}

function Editor({ initial, type }: { initial: Post | null; type: 'post' | 'page' }) {
  const staff = useStaff();
  const [draft, setDraft] = useState<Draft>(() => (initial ? toDraft(initial) : emptyDraft(null)));
  const [bodyKey, setBodyKey] = useState(0);
  const [panel, setPanel] = useState<'settings' | 'history' | null>('settings');
  const [tags, setTags] = useState<Tag[]>([]);
  const [authors, setAuthors] = useState<Author[]>([]);
  const [publishAt, setPublishAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [canPreview, setCanPreview] = useState(false);
  const onCreated = useCallback((post: Post) => navigate(`/${type}s/${post.id}`, { quiet: true }), [type]);
  const { post, setPost, state, save, adopt } = useAutosave(type, initial, draft, onCreated);

  useEffect(() => {
    void has('get', '/admin/api/posts/{id}/preview').then(setCanPreview);
  }, []);

  useEffect(() => {
    void listTags().then(setTags, () => setTags([]));
    void listAuthors().then((list) => {
      setAuthors(list);
      const mine = list.find((a) => a.id === staff.authorId);
      if (!initial && mine) setDraft((d) => (d.authors.length ? d : { ...d, authors: [mine.slug] }));
    }, () => setAuthors([]));
  }, [initial, staff.authorId]);

  // A change applies to the latest draft (a function reads it), so changes that land together, such
  // as a keystroke and a suggestion arriving from the server, never undo each other.
  const update = useCallback(
    (patch: Partial<Draft> | ((current: Draft) => Partial<Draft>)) => setDraft((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) })),
    [],
  );
  const replaceWith = (next: Post) => {
    const nextDraft = toDraft(next);
    setDraft(nextDraft);
    adopt(next, nextDraft);
    setBodyKey((k) => k + 1);
  };

  const act = async (label: string, run: (id: number) => Promise<Post>) => {
    setBusy(true);
    try {
      const saved = await save();
      if (!saved) {
        announce(`Not ${label.toLowerCase()}: save the ${type} first (give it a title and fix any errors).`, { tone: 'error' });
        return;
      }
      const next = await run(saved.id);
      setPost(next);
      announce(`${label}: ${next.title}`);
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!post) return;
    const { id, title } = post;
    try {
      await deletePost(id);
    } catch (err) {
      announce(`Could not delete “${title}”: ${describeError(err)}`, { tone: 'error' });
      return;
    }
    navigate(`/${type}s`);
    announce(`Deleted “${title}”.`, {
      timeout: 10_000,
      action: {
        label: 'Undo',
        run: () => {
          restorePost(id).then(
            () => navigate(`/${type}s/${id}`),
            (err: unknown) => announce(`Could not bring back “${title}”: ${describeError(err)}`, { tone: 'error' }),
          );
        },
      },
    });
  };

  const canPublish = atLeast(staff.role, 'author');
  const invalid = state.kind === 'invalid' ? state.error : null;
  return (
    <div className="editor">
      <h1 className="visually-hidden">{post ? `Edit ${type}: ${post.title}` : `New ${type}`}</h1>
      <div className="editor-bar">
        <Link to={`/${type}s`}>← {type === 'post' ? 'Posts' : 'Pages'}</Link>
        <SaveStatus state={state} post={post} />
        <div className="editor-actions">
          <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S">Save</button>
          {post && canPreview && (
            <a className="button" href={previewUrl(post.id)} target="_blank" rel="noopener" onClick={() => void save()}>
              Preview
            </a>
          )}
          {post?.status === 'published' && (
            <a className="button" href={`/${post.slug}/`} target="_blank" rel="noopener">View on site</a>
          )}
          <button type="button" aria-pressed={panel === 'settings'} onClick={() => setPanel(panel === 'settings' ? null : 'settings')}>Settings</button>
          {post && <button type="button" aria-pressed={panel === 'history'} onClick={() => setPanel(panel === 'history' ? null : 'history')}>History</button>}
          {canPublish && post?.status !== 'published' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act('Published', publishPost)}>Publish</button>
          )}
          {canPublish && (post?.status === 'published' || post?.status === 'scheduled') && (
            <button type="button" disabled={busy} onClick={() => void act('Unpublished', unpublishPost)}>
              {post.status === 'scheduled' ? 'Unschedule' : 'Unpublish'}
            </button>
          )}
          {post && <button type="button" className="danger" onClick={() => void remove()}>Delete</button>}
        </div>
      </div>
      {!canPublish && <p className="note">Contributors write and edit their drafts; an editor publishes them.</p>}
      {state.kind === 'conflict' && (
        <ConflictBanner
          theirs={state.theirs}
          mine={draft}
          onTakeTheirs={() => replaceWith(state.theirs)}
          onKeepMine={() => void save({ overwrite: true })}
        />
      )}
      <FormError error={invalid ? { message: invalid.message, fields: invalid.fields } : null} />
      <div className="editor-columns">
        <div className="editor-main">
          <label className="visually-hidden" htmlFor="post-title">Title</label>
          <textarea
            id="post-title"
            className="title-input"
            rows={1}
            placeholder="Title"
            value={draft.title}
            aria-invalid={invalid?.field('title') ? true : undefined}
            onChange={(e) => update({ title: e.target.value.replace(/\n/g, ' ') })}
          />
          <RichText key={bodyKey} html={draft.body} onChange={(body) => update({ body })} onSaveShortcut={() => void save()} />
        </div>
        {panel === 'settings' && (
          <SettingsPanel
            type={type}
            draft={draft}
            update={update}
            tags={tags}
            onTagCreated={(tag) => setTags((list) => [...list, tag])}
            savedPeople={post?.review?.work.credits.map((c) => c.person) ?? []}
            authors={authors}
            error={invalid}
            schedule={canPublish && post ? {
              value: publishAt,
              onChange: setPublishAt,
              onSchedule: () => void act('Scheduled', (id) => schedulePost(id, new Date(publishAt).toISOString())),
              busy,
            } : null}
          />
        )}
        {panel === 'history' && post && <RevisionsPanel post={post} onRestored={replaceWith} />}
      </div>
    </div>
  );
}

function SaveStatus({ state, post }: { state: SaveState; post: Post | null }) {
  const text = {
    saved: post ? 'Saved' : 'Not saved yet: give it a title',
    unsaved: 'Unsaved changes',
    saving: 'Saving…',
    invalid: 'Not saved: fix the errors below',
    failed: 'Not saved: will try again',
    conflict: 'Not saved: someone else changed this',
  }[state.kind];
  return (
    <p className={`save-status save-${state.kind}`} role="status">
      {post && <span className={`badge badge-${post.status}`}>{post.status}</span>}{' '}
      {post?.status === 'scheduled' && post.publishedAt && <span>for {formatDate(post.publishedAt)} · </span>}
      {text}
    </p>
  );
}
