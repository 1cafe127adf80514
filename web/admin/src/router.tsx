import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const base = '/admin';
const listeners = new Set<() => void>();
/** Run before leaving a screen; returning false keeps the person where they are. */
let leaveGuard: (() => boolean) | null = null;

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

/** The path inside the admin app, e.g. "/posts/3". */
export function currentPath(): string {
  const path = window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : '/';
  return path === '' ? '/' : path;
}

/**
 * Goes to a path inside the app. `quiet` only corrects the address (a new post that now has its
 * id) without re-rendering, so the screen in use keeps its state.
 */
export function navigate(path: string, options: { replace?: boolean; quiet?: boolean } = {}): void {
  const url = base + path;
  if (options.quiet) {
    window.history.replaceState(null, '', url);
    return;
  }
  if (leaveGuard && !leaveGuard()) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return { path: currentPath(), search: new URLSearchParams(window.location.search) };
}

/**
 * Matches "/posts/:id" against a path; answers the named parts or null. A named part whose
 * percent-escapes are broken or stand for no text (a lone surrogate) matches nothing.
 */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      const part = decodedPart(g);
      if (part === null) return null;
      params[w.slice(1)] = part;
    } else if (w !== g) return null;
  }
  return params;
}

function decodedPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function Link({ to, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...props} href={base + to} onClick={onClick} />;
}
