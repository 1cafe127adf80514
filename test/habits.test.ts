import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

/** The text of every source file the installed server runs: src/ and the bin/ entry point. */
function shippedSource(): string {
  const files = ['src', 'bin'].flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(?:ts|js)$/.test(name))
      .map((name) => path.join(dir, name)),
  );
  return files.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Whether the code loads the package or one of its subpaths (static import, dynamic import or require). */
const loads = (source: string, name: string) => new RegExp(`(?:from|import\\(|require\\()\\s*['"]${escaped(name)}(?:/[^'"]*)?['"]`).test(source);

describe('what an install brings and what CI checks', () => {
  it('installs for running only packages the server loads, so tools for benchmarks, tests and builds stay in devDependencies', () => {
    const source = shippedSource();
    expect(Object.keys(manifest.dependencies).filter((name) => !loads(source, name))).toEqual([]);
    // pino-pretty was a dependency nothing loaded; load generators and test tools are for developers only.
    for (const tool of ['pino-pretty', 'autocannon', 'vitest', 'playwright-core', 'lighthouse', '@biomejs/biome', 'dependency-cruiser']) expect(manifest.dependencies, tool).not.toHaveProperty(tool);
  });

  it('runs the formatter, the linter and the layering check in CI, before the tests', () => {
    const steps = fs
      .readFileSync('.ci/run', 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^npm (?:test|run)\b/.test(line));
    expect(steps).toEqual(['npm run lint', 'npm run format:check', 'npm test']);
    expect(manifest.scripts.lint).toMatch(/\bbiome lint\b.*&& npm run check:layers$/);
    expect(manifest.scripts['format:check']).toMatch(/^biome format\b/);
    expect(manifest.scripts['check:layers']).toMatch(/\bdepcruise\b.*\bsrc\b.*\bweb\/admin\/src\b/);
    expect(manifest.scripts['test:quick']).toBe('vitest run --project quick');
  });

  it('keeps every route file in an HTTP folder, each with a registrar named …Routes that no other file uses', () => {
    const httpFolders = /^src\/(?:site|admin-api|admin-app|content-api|ghost-api|webhooks)\//;
    const routeFiles = fs
      .readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.routes.ts'))
      .map((name) => `src/${name.split(path.sep).join('/')}`);
    expect(routeFiles.filter((file) => !httpFolders.test(file))).toEqual([]);
    const registrars = new Map(routeFiles.map((file) => [file, [...fs.readFileSync(file, 'utf8').matchAll(/export (?:async )?function (\w+Routes)\b/g)].map((m) => m[1]!)]));
    expect([...registrars].filter(([, names]) => names.length === 0).map(([file]) => file)).toEqual([]);
    const names = [...registrars.values()].flat();
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });
});
