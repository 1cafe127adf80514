import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The Node options before the script in a command line such as `node --a=1 --b=2 bin/masthead.js start`. */
function nodeOptions(command: string): string[] {
  const words = command.split(/\s+/);
  const script = words.indexOf('bin/masthead.js');
  return words.slice(words.findIndex((w) => /(^|\/)node$/.test(w)) + 1, script).filter((w) => w.startsWith('--'));
}

describe('the deploy guide', () => {
  it('runs each process with the Node options npm start uses', () => {
    const start = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start as string;
    const wanted = nodeOptions(start.split('&&').at(-1)!);
    expect(wanted.length).toBeGreaterThan(0);
    const guide = fs.readFileSync('docs/deploy.md', 'utf8');
    const exec = /^ExecStart=(.*)$/m.exec(guide)?.[1];
    expect(exec, 'docs/deploy.md has a systemd unit with ExecStart').toBeDefined();
    expect(nodeOptions(exec!)).toEqual(wanted);
  });
});
