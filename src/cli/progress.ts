import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';

export type ProgressReporter = (done: number, total: number) => void;

/**
 * Shows progress of long work on stderr: a live bar on a terminal, a line every 10% otherwise
 * (logs and CI). Returns the reporter and a function that ends the bar.
 */
export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): { report: ProgressReporter; done(): void } {
  if (stream.isTTY) {
    // The bar's library loads only for a terminal; commands in logs and CI never need it.
    const bars = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
    const bar = new bars.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`, stream, hideCursor: true }, bars.Presets.shades_classic);
    let started = false;
    return {
      report(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      done: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    report(done, total) {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
      }
    },
    done() {},
  };
}
