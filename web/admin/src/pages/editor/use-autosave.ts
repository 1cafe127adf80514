import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { createPost, postDetail, updatePost } from '../../api/posts';
import type { Post } from '../../api/types';
import { setLeaveGuard } from '../../router';
import { toInput, type Draft } from './draft';

export const AUTOSAVE_MS = 3000;

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'invalid'; error: ApiError } | { kind: 'failed'; message: string } | { kind: 'conflict'; theirs: Post };

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
  const queries = useQueryClient();
  const stateRef = useRef(state);
  postRef.current = post;
  draftRef.current = draft;
  stateRef.current = state;

  const dirty = draft !== savedDraft.current;

  useEffect(() => {
    if (dirty && (stateRef.current.kind === 'saved' || stateRef.current.kind === 'invalid')) setState({ kind: 'unsaved' });
  }, [dirty, draft]);

  // Every write to the post (saves and status changes) runs in one queue: each starts only when the
  // one before has answered, so it is based on the revision that answer brought, and no older answer
  // can land after a newer one. A save that finds nothing new since the last one sends nothing.
  const scope = useId();
  const writes = useMutation({
    scope: { id: scope },
    mutationFn: async ({ overwrite, then }: { overwrite: boolean; then?: (id: number) => Promise<Post> }): Promise<Post | null> => {
      const saved = await saveNow(overwrite);
      if (!saved || !then) return saved;
      const next = await then(saved.id);
      setPost(next);
      postRef.current = next;
      return next;
    },
  });

  const saveNow = async (overwrite: boolean): Promise<Post | null> => {
    const snapshot = draftRef.current;
    const current = postRef.current;
    if (stateRef.current.kind === 'conflict' && !overwrite) return null;
    if (current && snapshot === savedDraft.current && !overwrite) return current;
    if (snapshot.title.trim() === '') return current;
    setState({ kind: 'saving' });
    try {
      let saved: Post;
      if (!current) {
        saved = await createPost(toInput(snapshot, type));
        onCreated(saved);
      } else {
        const base = overwrite && stateRef.current.kind === 'conflict' ? stateRef.current.theirs.revision : current.revision;
        saved = await updatePost(current.id, base, toInput(snapshot, type));
      }
      savedDraft.current = snapshot;
      setPost(saved);
      postRef.current = saved;
      stateRef.current = draftRef.current === snapshot ? { kind: 'saved' } : { kind: 'unsaved' };
      setState(stateRef.current);
      return saved;
    } catch (error) {
      const theirs = error instanceof ApiError && error.status === 409 && current ? await queries.fetchQuery(postDetail(current.id)).catch(() => null) : null;
      if (theirs) {
        stateRef.current = { kind: 'conflict', theirs };
      } else if (error instanceof ApiError && (error.status === 400 || error.status === 403)) {
        // Retrying cannot help: the message says what to change (a field, or what the role may not do).
        stateRef.current = { kind: 'invalid', error };
      } else {
        stateRef.current = { kind: 'failed', message: error instanceof Error ? error.message : 'The save failed.' };
      }
      setState(stateRef.current);
      return null;
    }
  };

  const { mutateAsync } = writes;
  const save = useCallback((options: { overwrite?: boolean } = {}) => mutateAsync({ overwrite: options.overwrite ?? false }), [mutateAsync]);
  /** Saves what is typed, then runs a change of status on the saved post (publish, schedule …) in the same queue. */
  const saveThen = useCallback((then: (id: number) => Promise<Post>) => mutateAsync({ overwrite: false, then }), [mutateAsync]);

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

  return { post, state, save, saveThen, adopt, dirty };
}
