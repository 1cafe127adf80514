import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSetting } from '../../src/settings/settings.repository.js';
import type { StaffUser } from '../../src/staff/user.types.js';
import { runCli } from '../support/cli.js';
import { makeAuthor } from '../support/factories.js';
import { startS3, type TestBucket } from '../support/s3.js';
import { dialects, testServices, type Dialect, type TestContext } from '../support/stores.js';

const cdn = 'https://cdn.magazine.example';
const elsewhere = 'https://elsewhere.example/media/2026/01/000000/not-ours.jpg';

/** Every file under a folder, by key, with its bytes. */
function filesUnder(root: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  if (!fs.existsSync(root)) return found;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      found.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  }
  return found;
}

/** A fresh site and an empty bucket for each test, and the environment the CLI needs for both. */
function migrationSite(dialect: Dialect) {
  const site = {} as { bucket: TestBucket; t: TestContext; env: Record<string, string>; mediaDir: string };
  beforeAll(async () => {
    site.bucket = await startS3();
  });
  afterAll(async () => site.bucket?.close());
  beforeEach(async () => {
    site.t = await testServices(dialect);
    site.mediaDir = path.join(site.t.dataDir, 'media');
    site.env = {
      DATA_DIR: site.t.dataDir,
      DATABASE_URL: site.t.config.kind === 'sqlite' ? `sqlite:${site.t.config.file}` : site.t.config.url,
      LOG_LEVEL: 'silent',
      ...site.bucket.env(cdn),
    };
  });
  afterEach(async () => {
    await emptyBucket(site.bucket);
    await site.t.close();
  });
  return site;
}

describe.each(dialects)('masthead media migrate (%s)', { timeout: 180_000 }, (dialect) => {
  const site = migrationSite(dialect);

  it('moves every file to the bucket and back, byte for byte, rewriting addresses only after the copies check out', async () => {
    const { t, env, mediaDir, bucket } = site;
    const editor = (await t.services.users.create({ email: 'ed@magazine.example', name: 'Ed', role: 'editor' })) as StaffUser;
    const data = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#228844' } })
      .jpeg()
      .toBuffer();
    const image = await t.services.media.upload({ data, filename: 'field.jpg', mimetype: 'image/jpeg' }, { alt: 'A field' }, editor);
    const webp = image.variants.find((v) => v.format === 'webp')!.url;
    // A large file goes up in several parts.
    fs.writeFileSync(path.join(mediaDir, '2026', 'large.jpg'), randomBytes(19 * 1024 * 1024));
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create({
      title: 'Fields',
      body: `![A field](${image.url})\n\nSee also <${elsewhere}> and [the small one](http://localhost:3000${webp}).`,
      authors: [author.slug],
      status: 'published',
      featureImage: { url: image.url, alt: 'A field' },
    });
    await t.services.settings.updateSite({ logoUrl: webp });
    const originals = filesUnder(mediaDir);
    expect(originals.size).toBe(image.variants.length + 1);

    const dry = await runCli(['media', 'migrate', '--to', 's3', '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(
      new RegExp(
        `^Dry run: ${originals.size} files \\(19\\.\\d MB\\); ${originals.size} would be copied to the bucket masthead-media, 0 are there already\\. Rows whose addresses would be rewritten: posts 1, media 1, settings 1\\. Nothing was changed\\.\\n$`,
      ),
    );
    expect((await bucket.objects()).size).toBe(0);
    expect((await t.services.posts.get(post.id)).featureImage?.url).toBe(image.url);

    const there = await runCli(['media', 'migrate', '--to', 's3'], env);
    expect(there.code, there.stderr).toBe(0);
    expect(there.stderr).toContain(`Copying media: ${originals.size}/${originals.size} (100%)`);
    expect(there.stdout).toContain(`${originals.size} copied and verified, 0 already there. Rows whose addresses were rewritten: posts 1, media 1, settings 1.`);
    expect(there.stdout).toContain('Now set MEDIA_STORAGE=s3 and restart Masthead');
    for (const [key, bytes] of originals) expect((await bucket.bytes(key)).equals(bytes), key).toBe(true);

    const moved = await t.services.posts.get(post.id);
    expect(moved.featureImage?.url).toBe(`${cdn}/${image.url.slice('/media/'.length)}`);
    expect(moved.html).toContain(`src="${cdn}/${image.url.slice('/media/'.length)}"`);
    expect(moved.html).toContain(`href="${cdn}/${webp.slice('/media/'.length)}"`);
    expect(moved.html).toContain(elsewhere);
    expect(moved.html).not.toMatch(/"\/media\//);
    expect(await storedLogo(t)).toBe(`${cdn}/${webp.slice('/media/'.length)}`);
    const item = await t.services.media.get(image.id);
    expect([item.url, ...item.variants.map((v) => v.url)].every((url) => url.startsWith(`${cdn}/`))).toBe(true);

    // Back to the disk, from the bucket alone.
    fs.rmSync(mediaDir, { recursive: true });
    const back = await runCli(['media', 'migrate', '--to', 'fs'], { ...env, MEDIA_STORAGE: 's3' });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain(`${originals.size} copied and verified, 0 already there. Rows whose addresses were rewritten: posts 1, media 1, settings 1.`);
    const returned = filesUnder(mediaDir);
    expect([...returned.keys()].sort()).toEqual([...originals.keys()].sort());
    for (const [key, bytes] of originals) expect(returned.get(key)!.equals(bytes), key).toBe(true);
    const home = await t.services.posts.get(post.id);
    expect(home.featureImage?.url).toBe(image.url);
    expect(home.html).toContain(`src="${image.url}"`);
    expect(home.html).toContain(elsewhere);
    expect(await storedLogo(t)).toBe(webp);
    expect((await t.services.media.get(image.id)).variants.map((v) => v.url)).toEqual(image.variants.map((v) => v.url));
  });

  it('resumes after being killed mid-copy: copies only what is missing, then rewrites', async () => {
    const { t, env, mediaDir, bucket } = site;
    const count = 120;
    fs.mkdirSync(path.join(mediaDir, 'bulk'), { recursive: true });
    for (let i = 0; i < count; i += 1) fs.writeFileSync(path.join(mediaDir, 'bulk', `${String(i).padStart(3, '0')}.webp`), randomBytes(256 * 1024));
    await t.services.settings.updateSite({ logoUrl: '/media/bulk/119.webp' });
    const originals = filesUnder(mediaDir);

    await killWhenProgressShows(env, /Copying media: \d+\/120 \((?:[3-9]0)%\)/);
    const afterKill = await bucket.objects();
    expect(afterKill.size).toBeGreaterThan(0);
    expect(afterKill.size).toBeLessThan(count);
    for (const [key, size] of afterKill) expect(size, key).toBe(originals.get(key)!.length);
    expect(await storedLogo(t)).toBe('/media/bulk/119.webp');

    const rerun = await runCli(['media', 'migrate', '--to', 's3'], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${count - afterKill.size} copied and verified, ${afterKill.size} already there. Rows whose addresses were rewritten: settings 1.`);
    for (const [key, bytes] of originals) expect((await bucket.bytes(key)).equals(bytes), key).toBe(true);
    expect(await storedLogo(t)).toBe(`${cdn}/bulk/119.webp`);
  });
});

describe('masthead media migrate, when the bucket cannot be used', { timeout: 180_000 }, () => {
  const site = migrationSite('sqlite');

  it('stops with one clear line when the bucket is down, the keys are wrong or the bucket is missing', async () => {
    const { t, env, mediaDir, bucket } = site;
    fs.mkdirSync(path.join(mediaDir, '2026'), { recursive: true });
    fs.writeFileSync(path.join(mediaDir, '2026', 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const cases = {
      down: [{ S3_ENDPOINT: 'http://127.0.0.1:9' }, /^error: The media bucket cannot be used: the storage endpoint cannot be reached \(ECONNREFUSED; check S3_ENDPOINT and S3_REGION\)\.$/],
      keys: [{ S3_ACCESS_KEY_ID: 'NOT-A-KEY' }, /^error: The media bucket cannot be used: the credentials were refused for bucket "masthead-media" \(check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY\)\.$/],
      bucket: [{ S3_BUCKET: 'no-such-bucket' }, /^error: The media bucket cannot be used: there is no bucket "no-such-bucket" \(check S3_BUCKET\)\.$/],
    } as const;
    for (const [what, [override, message]] of Object.entries(cases)) {
      const result = await runCli(['media', 'migrate', '--to', 's3'], { ...env, ...override });
      expect(result.code, what).toBe(1);
      const lines = result.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0], what).toMatch(message);
      expect(result.stderr, what).not.toMatch(/^\s+at /m);
    }
    const missing = await runCli(['media', 'migrate', '--to', 's3'], { DATA_DIR: t.dataDir, DATABASE_URL: env.DATABASE_URL! });
    expect(missing).toMatchObject({ code: 1, stderr: 'error: S3_BUCKET (with S3_REGION or S3_ENDPOINT) must be set to move media to or from a bucket.\n' });
    const unset = await runCli(['media', 'migrate', '--to', 's3'], { DATA_DIR: t.dataDir, MEDIA_STORAGE: 's3' });
    expect(unset.code).toBe(78);
    expect(unset.stderr).toContain('S3_BUCKET: is required when MEDIA_STORAGE is s3');
    expect((await bucket.objects()).size).toBe(0);
  });
});

/** The logo as stored now (the services' own settings are cached, and the CLI changed them underneath). */
async function storedLogo(t: TestContext): Promise<string | null> {
  return ((await readSetting(t.store.db, 'site')) as { logoUrl: string | null }).logoUrl;
}

async function emptyBucket(bucket: TestBucket): Promise<void> {
  const { S3Storage } = await import('../../src/media/s3-storage.js');
  const storage = new S3Storage(bucket.config());
  for await (const file of storage.list()) await storage.removePrefix(file.key.split('/')[0]!);
}

/** Runs the migration as its own process and kills it with SIGKILL once its progress matches. */
function killWhenProgressShows(env: Record<string, string>, progress: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/cli/run.ts'), 'media', 'migrate', '--to', 's3'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!killed && progress.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.once('error', reject);
    child.once('close', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the migration ended before it was killed:\n${stderr}`))));
  });
}
