import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { createPost, getPost, updatePost } from '../../api/posts';
import type { Post } from '../../api/types';
import { setLeaveGuard } from '../../router';
import { toInput, type Draft } from './draft';

export const AUTOSAVE_MS = 3000;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; error: ApiError }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; theirs: Post };

/**
 * Keeps the server copy in step with the draft: saves a few seconds after a change, on demand,
 * and when the person leaves. Every save names the revision it was based on; if someone else
 * saved in between the server refuses and the state becomes a conflict, never an overwrite.
 */
export function useAutosave(type: 'post' | 'page', initial: Post | null, draft: Draft, onCreated: (post: Post) => void) {
  const [post, setPost] = useState<Post | null>(initial);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const postRef = useRef(post);
  const draftRef = useRef(draft);
  const savedDraft = useRef(draft);
  const inFlight = useRef<Promise<Post | null> | null>(null);
  const stateRef = useRef(state);
  postRef.current = post;
  draftRef.current = draft;
  stateRef.current = state;

  const dirty = draft !== savedDraft.current;

  useEffect(() => {
    if (dirty && (stateRef.current.kind === 'saved' || stateRef.current.kind === 'invalid')) setState({ kind: 'unsaved' });
  }, [dirty, draft]);

  const save = useCallback(async (options: { overwrite?: boolean } = {}): Promise<Post | null> => {
    if (inFlight.current) await inFlight.current;
    const snapshot = draftRef.current;
    const current = postRef.current;
    if (stateRef.current.kind === 'conflict' && !options.overwrite) return null;
    if (current && snapshot === savedDraft.current && !options.overwrite) return current;
    if (snapshot.title.trim() === '') return current;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        let saved: Post;
        if (!current) {
          saved = await createPost(toInput(snapshot, type));
          onCreated(saved);
        } else {
          const base = options.overwrite && stateRef.current.kind === 'conflict' ? stateRef.current.theirs.revision : current.revision;
          saved = await updatePost(current.id, base, toInput(snapshot, type));
        }
        savedDraft.current = snapshot;
        setPost(saved);
        postRef.current = saved;
        setState(draftRef.current === snapshot ? { kind: 'saved' } : { kind: 'unsaved' });
        return saved;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && current) {
          setState({ kind: 'conflict', theirs: await getPost(current.id) });
        } else if (error instanceof ApiError && (error.status === 400 || error.status === 403)) {
          // Retrying cannot help: the message says what to change (a field, or what the role may not do).
          setState({ kind: 'invalid', error });
        } else {
          setState({ kind: 'failed', message: error instanceof Error ? error.message : 'The save failed.' });
        }
        return null;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [type, onCreated]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const kind = stateRef.current.kind;
      if (draftRef.current !== savedDraft.current && (kind === 'unsaved' || kind === 'failed')) void save();
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [save]);

  useEffect(() => {
    const leaving = (event: BeforeUnloadEvent) => {
      const current = postRef.current;
      if (draftRef.current === savedDraft.current || stateRef.current.kind === 'conflict') return;
      if (current) void updatePost(current.id, current.revision, toInput(draftRef.current, type), { keepalive: true });
      event.preventDefault();
    };
    window.addEventListener('beforeunload', leaving);
    setLeaveGuard(() => {
      if (draftRef.current !== savedDraft.current && stateRef.current.kind !== 'conflict') void save();
      return true;
    });
    return () => {
      window.removeEventListener('beforeunload', leaving);
      setLeaveGuard(null);
    };
  }, [save, type]);

  /** Takes a version from the server (theirs after a conflict, a restored revision) as the new base. */
  const adopt = useCallback((next: Post, nextDraft: Draft) => {
    savedDraft.current = nextDraft;
    draftRef.current = nextDraft;
    setPost(next);
    postRef.current = next;
    setState({ kind: 'saved' });
  }, []);

  return { post, setPost, state, save, adopt, dirty };
}
