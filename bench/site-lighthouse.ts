// Lighthouse 12.2.3 with the system Chromium on the home page and an article of the demo magazine.
// Usage: npm run bench:lighthouse
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs, chromiumPath } from '../test/support/browser.js';
import { startMasthead } from './site-support.js';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-lighthouse-'));

interface Report {
  categories: Record<(typeof categories)[number], { score: number }>;
  audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
}

function audit(url: string, name: string): Report {
  const output = path.join(work, `${name}.json`);
  const run = spawnSync(
    path.resolve('node_modules/.bin/lighthouse'),
    [url, '--quiet', '--output=json', `--output-path=${output}`, `--only-categories=${categories.join(',')}`, `--chrome-flags=${chromiumArgs.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url} (exit ${run.status})`);
  return JSON.parse(fs.readFileSync(output, 'utf8')) as Report;
}

const app = await startMasthead(path.join(work, 'data'));
try {
  const feed = await (await fetch(`${app.url}/rss/`)).text();
  const article = /<link>([^<]+)<\/link>\s*<guid/.exec(feed)?.[1]?.replace(/^https?:\/\/[^/]+/, '') ?? '/';
  const lines = ['| page | Performance | Accessibility | Best Practices | SEO |', '|---|---:|---:|---:|---:|'];
  for (const [name, url] of [
    ['home', '/'],
    ['article', article],
  ] as const) {
    const report = audit(`${app.url}${url}`, name);
    lines.push(`| ${name} (${url}) | ${categories.map((c) => Math.round(report.categories[c].score * 100)).join(' | ')} |`);
    const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
    for (const a of failing) process.stderr.write(`${name}: ${a.title}\n`);
  }
  process.stdout.write(`Lighthouse 12.2.3, default mobile emulation and simulated throttling:\n\n${lines.join('\n')}\n`);
} finally {
  await app.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
