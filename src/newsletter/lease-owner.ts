import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';

/**
 * Who holds a send's lease: `host:pid:start:space:nonce`, where start is the process's start time
 * as the kernel counts it (clock ticks since boot, from /proc) and space its pid namespace (`-`
 * for either where there is no /proc). The start time tells the holder apart from a later process
 * that happens to get the same pid; the namespace tells apart containers that share a host name
 * but not their pids.
 */
export interface LeaseOwner {
  host: string;
  pid: number;
  /** Absent for tags written before start times were recorded, or where /proc is missing. */
  started: string | undefined;
  space: string | undefined;
}

interface ProcessState {
  /** One letter from /proc/PID/stat: R, S, D, T, Z (zombie), X (dead) ... */
  state: string;
  started: string;
}

/** The state and start time of a process on this machine; null if it does not exist; undefined without /proc. */
function processState(pid: number): ProcessState | null | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ESRCH') return undefined;
    try {
      readFileSync('/proc/self/stat');
    } catch {
      return undefined;
    }
    return null;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 is the state, field 22 the start time.
  return { state: fields[0] ?? '', started: fields[19] ?? '' };
}

/** This process's pid namespace, by its inode number; undefined without /proc. */
function pidSpace(): string | undefined {
  try {
    return /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1];
  } catch {
    return undefined;
  }
}

/** The tag of this process, or of a child of it (which shares its pid namespace). */
export function ownerTag(pid: number = process.pid): string {
  const started = processState(pid)?.started || '-';
  return `${os.hostname()}:${pid}:${started}:${pidSpace() ?? '-'}:${randomUUID().slice(0, 8)}`;
}

export function parseOwner(tag: string): LeaseOwner | undefined {
  const parts = tag.split(':');
  const pid = Number(parts[1]);
  if (parts.length < 3 || !parts[0] || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const known = (part: string | undefined) => (parts.length >= 5 && part !== '-' ? part : undefined);
  return { host: parts[0], pid, started: known(parts[2]), space: known(parts[3]) };
}

/**
 * Whether the holder of a lease was a process on this machine that no longer runs: gone, a
 * zombie not yet reaped by its parent, or a different process that reuses its pid. Holders on
 * other machines, or in other pid namespaces (containers), are never judged from here; their
 * leases run out instead.
 */
export function ownerIsDead(tag: string): boolean {
  const owner = parseOwner(tag);
  if (!owner || owner.host !== os.hostname() || owner.pid === process.pid) return false;
  const space = pidSpace();
  if (owner.space !== undefined && space !== undefined && owner.space !== space) return false;
  const found = processState(owner.pid);
  if (found === undefined) return signalSaysGone(owner.pid);
  if (found === null || found.state === 'Z' || found.state === 'X') return true;
  return owner.started !== undefined && owner.started !== found.started;
}

/** Where there is no /proc: a liveness check by signal 0 (which cannot see zombies). */
function signalSaysGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
