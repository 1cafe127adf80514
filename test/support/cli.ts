import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI's source entry, run with tsx. */
export const cliEntry = path.resolve('src/cli/run.ts');
const entry = cliEntry;

/** Runs the masthead CLI from source as a separate process, the way an operator would. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** The address the server printed. */
  url: string;
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>;
  /** Every line it wrote, on either stream, so far. */
  logs: string[];
}

/** Runs `masthead start` from source as its own process (with extra Node options) and waits until it prints its address. */
export async function startServerProcess(args: string[], env: Record<string, string>, nodeOptions: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeOptions, entry, 'start', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${logs.join('\n')}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const match = /Masthead is running at (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { child, url, exited, logs };
}
