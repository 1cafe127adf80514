import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const appDir = path.join(root, 'web/admin');
const builtIndex = path.join(appDir, 'dist/index.html');

function newest(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newest(path.join(target, name))));
}

/**
 * Builds the admin app before the browser tests when its sources are newer than the last build
 * (always on a clean clone), so `npm test` alone tests what `npm run build` would ship.
 */
export default function buildAdminApp(): void {
  const sources = Math.max(newest(path.join(appDir, 'src')), newest(path.join(appDir, 'index.html')), newest(path.join(appDir, 'vite.config.ts')), newest(path.join(root, 'package-lock.json')));
  if (fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(appDir, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
