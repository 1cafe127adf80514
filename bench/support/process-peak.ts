// The peak resident memory of another process (all its threads), read from /proc while it runs.
import fs from 'node:fs';

/** Peak RSS (VmHWM) of a running process in MB; 0 once it is gone. */
function peakOf(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Watches a process's peak RSS every 100 ms until stopped; returns the highest seen, in MB. */
export function watchPeak(pid: number): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, peakOf(pid))), 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, peakOf(pid));
    },
  };
}
