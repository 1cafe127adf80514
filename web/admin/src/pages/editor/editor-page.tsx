import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { capability } from '../../api/capabilities';
import { describeError } from '../../api/client';
import { deletePost, postDetail, previewUrl, publishPost, restorePost, schedulePost, unpublishPost } from '../../api/posts';
import { siteZone } from '../../api/settings';
import { authorList, tagList } from '../../api/taxonomy';
import type { Post } from '../../api/types';
import { announce } from '../../components/announcer';
import { FormError } from '../../components/field';
import { Link, navigate } from '../../router';
import { atLeast, useStaff } from '../../session-context';
import { formatInZone, instantIn, wallTimeIn } from '../../zoned-time';
import { ConflictBanner } from './conflict-banner';
import { emptyDraft, toDraft, type Draft } from './draft';
import { RevisionsPanel } from './revisions-panel';
import { RichText } from './rich-text';
import { SettingsPanel } from './settings-panel';
import { useAutosave, type SaveState } from './use-autosave';

export function EditorPage({ id, type }: { id: string; type: 'post' | 'page' }) {
  const isNew = id === 'new';
  const read = useQuery({ ...postDetail(Number(id)), enabled: !isNew });
  // The editor takes the post once and keeps its own copy; a new post's address changes quietly
  // (see useAutosave), so this page is not shown again for it.
  if (read.error && !read.data)
    return (
      <section>
        <h1>Cannot open this {type}</h1>
        <p role="alert">{describeError(read.error)}</p>
        <Link to={`/${type}s`}>Back to the list</Link>
      </section>
    );
  if (!isNew && !read.data) return <p role="status">Loading…</p>;
  return <Editor initial={isNew ? null : (read.data ?? null)} type={type} />;
}

function Editor({ initial, type }: { initial: Post | null; type: 'post' | 'page' }) {
  const staff = useStaff();
  const [draft, setDraft] = useState<Draft>(() => (initial ? toDraft(initial) : emptyDraft(null)));
  const [bodyKey, setBodyKey] = useState(0);
  const [panel, setPanel] = useState<'settings' | 'history' | null>('settings');
  const queries = useQueryClient();
  const tags = useQuery(tagList).data ?? [];
  const authors = useQuery(authorList).data ?? [];
  const canPreview = useQuery(capability('get', '/admin/api/posts/{id}/preview')).data ?? false;
  const zone = useQuery(siteZone).data;
  const [typedPublishAt, setPublishAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onCreated = useCallback((post: Post) => navigate(`/${type}s/${post.id}`, { quiet: true }), [type]);
  const { post, state, save, saveThen, adopt } = useAutosave(type, initial, draft, onCreated);

  // A new piece is by its writer unless they name other authors before the list arrives.
  const mine = initial ? undefined : authors.find((a) => a.id === staff.authorId);
  const [bylined, setBylined] = useState(false);
  if (mine && !bylined) {
    setBylined(true);
    setDraft((d) => (d.authors.length ? d : { ...d, authors: [mine.slug] }));
  }

  // A change applies to the latest draft (a function reads it), so changes that land together, such
  // as a keystroke and a suggestion arriving from the server, never undo each other.
  const update = useCallback((patch: Partial<Draft> | ((current: Draft) => Partial<Draft>)) => setDraft((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) })), []);
  const replaceWith = (next: Post) => {
    const nextDraft = toDraft(next);
    setDraft(nextDraft);
    adopt(next, nextDraft);
    setBodyKey((k) => k + 1);
  };

  /** Saves, then changes the post's status; the post as changed, or null (the reason is announced). */
  const act = async (label: string, run: (id: number) => Promise<Post>): Promise<Post | null> => {
    setBusy(true);
    try {
      const next = await saveThen(run);
      if (!next) {
        announce(`Not ${label.toLowerCase()}: save the ${type} first (give it a title and fix any errors).`, { tone: 'error' });
        return null;
      }
      announce(`${label}: ${next.title}`);
      return next;
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
      return null;
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

  const scheduledFor = post?.status === 'scheduled' ? post.publishedAt : null;
  const publishAt = typedPublishAt ?? (scheduledFor && zone ? wallTimeIn(scheduledFor, zone) : '');
  const schedule = (siteClock: string) => {
    const instant = instantIn(publishAt, siteClock);
    if (!instant) {
      announce('Not scheduled: enter the date and time to publish at.', { tone: 'error' });
      return;
    }
    void act('Scheduled', (id) => schedulePost(id, instant)).then((scheduled) => {
      const shown = wallTimeIn(instant, siteClock);
      if (!scheduled) return;
      // A time the clocks skip that day is taken as the moment they change (see zoned-time.ts).
      if (shown !== publishAt) {
        announce(`${publishAt.slice(11)} does not happen on that day in ${siteClock}: the clocks go forward, so it publishes as they change, at ${shown.slice(11)}.`, { timeout: 15_000 });
        setPublishAt(shown);
      }
    });
  };

  const canPublish = atLeast(staff.role, 'author');
  const invalid = state.kind === 'invalid' ? state.error : null;
  return (
    <div className="editor">
      <h1 className="visually-hidden">{post ? `Edit ${type}: ${post.title}` : `New ${type}`}</h1>
      <div className="editor-bar">
        <Link to={`/${type}s`}>← {type === 'post' ? 'Posts' : 'Pages'}</Link>
        <SaveStatus state={state} post={post} zone={zone} />
        <div className="editor-actions">
          <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S">
            Save
          </button>
          {post && canPreview && (
            <a className="button" href={previewUrl(post.id)} target="_blank" rel="noopener" onClick={() => void save()}>
              Preview
            </a>
          )}
          {post?.status === 'published' && (
            <a className="button" href={`/${post.slug}/`} target="_blank" rel="noopener">
              View on site
            </a>
          )}
          <button type="button" aria-pressed={panel === 'settings'} onClick={() => setPanel(panel === 'settings' ? null : 'settings')}>
            Settings
          </button>
          {post && (
            <button type="button" aria-pressed={panel === 'history'} onClick={() => setPanel(panel === 'history' ? null : 'history')}>
              History
            </button>
          )}
          {canPublish && post?.status !== 'published' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act('Published', publishPost)}>
              Publish
            </button>
          )}
          {canPublish && (post?.status === 'published' || post?.status === 'scheduled') && (
            <button type="button" disabled={busy} onClick={() => void act('Unpublished', unpublishPost)}>
              {post.status === 'scheduled' ? 'Unschedule' : 'Unpublish'}
            </button>
          )}
          {post && (
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete
            </button>
          )}
        </div>
      </div>
      {!canPublish && <p className="note">Contributors write and edit their drafts; an editor publishes them.</p>}
      {state.kind === 'conflict' && <ConflictBanner theirs={state.theirs} mine={draft} onTakeTheirs={() => replaceWith(state.theirs)} onKeepMine={() => void save({ overwrite: true })} />}
      <FormError error={invalid ? { message: invalid.message, fields: invalid.fields } : null} />
      <div className="editor-columns">
        <div className="editor-main">
          <label className="visually-hidden" htmlFor="post-title">
            Title
          </label>
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
            onTagCreated={(tag) => queries.setQueryData(tagList.queryKey, (list) => list && [...list, tag])}
            savedPeople={[...(post?.review?.work.credits.map((c) => c.person) ?? []), ...(post?.people.map((p) => p.person) ?? [])]}
            postId={post?.id ?? null}
            authors={authors}
            error={invalid}
            schedule={
              canPublish && post && zone
                ? {
                    value: publishAt,
                    zone,
                    onChange: setPublishAt,
                    onSchedule: () => schedule(zone),
                    busy,
                  }
                : null
            }
          />
        )}
        {panel === 'history' && post && <RevisionsPanel post={post} onRestored={replaceWith} />}
      </div>
    </div>
  );
}

function SaveStatus({ state, post, zone }: { state: SaveState; post: Post | null; zone: string | undefined }) {
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
      {post && <span className={`badge badge-${post.status}`}>{post.status}</span>} {post?.status === 'scheduled' && post.publishedAt && zone && <span>for {formatInZone(post.publishedAt, zone)} · </span>}
      {text}
    </p>
  );
}
