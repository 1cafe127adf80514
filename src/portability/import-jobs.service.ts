import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { JobContext, JobQueue } from '../jobs/index.js';
import type { Services } from '../services.js';
import { formatReport, type ImportReport, type ReportCounts, type ReportNote } from './import-report.js';
import type { PlatformImportOptions } from './import-run.js';
import { guardedFetch } from './import-jobs.fetch.js';
import { detectPlatform, removeOrphanFolders, removeUploadFolder, safeFileName, writeUpload, type ImportPlatform } from './import-jobs.files.js';
import * as repo from './import-jobs.repository.js';

export const IMPORT_JOB = 'portability.import';

export type ImportState = 'checked' | 'queued' | 'running' | 'done' | 'failed' | 'discarded' | 'expired';

export interface ImportedPost {
  id: number;
  title: string;
  slug: string;
  status: string;
  type: string;
}

/** An import's report as the admin shows it: the CLI's text and the same facts as data. */
export interface ImportReportView {
  source: string;
  dryRun: boolean;
  text: string;
  counts: ReportCounts;
  facts: string[];
  notes: ReportNote[];
  /** After a real run: the posts and pages it brought in or updated (the newest first, at most 50). */
  posts?: { items: ImportedPost[]; total: number };
}

export interface ImportRun {
  id: number;
  platform: ImportPlatform;
  /** WordPress: images are asked of the old site (through the address guard) in the dry run and the import. */
  fetchImages: boolean;
  fileName: string;
  fileSize: number;
  state: ImportState;
  preview: ImportReportView | null;
  report: ImportReportView | null;
  error: string | null;
  progress: { step: string; done: number; total: number } | null;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

/** An import as the list of past ones shows it: its latest report in short, not whole. */
export interface ImportRunSummary extends Omit<ImportRun, 'preview' | 'report'> {
  outcome: { dryRun: boolean; posts: number; pages: number; notes: number } | null;
}

export interface ImportRunServiceDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  logger: Logger;
  /** DATA_DIR/imports: one folder per upload, removed when its run ends or expires. */
  dir: string;
  /** The largest upload taken (IMPORT_MAX_MB). */
  maxBytes: number;
  /** WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: old sites on loopback and private networks may be asked for images. */
  allowPrivateAddresses: boolean;
  /** What the importers work with (they write posts, media, addresses…). */
  services: () => Services;
}

/** Uploads checked but never imported are removed after this long, as are leftovers of broken uploads. */
export const RETENTION_MS = 24 * 3_600_000;
const PROGRESS_WRITE_MS = 1000;
const HEARTBEAT_MS = 10_000;
const LISTED = 50;

/** WordPress only: ask the old site for its images, and whether it may be on a private network. */
interface ImageChoice {
  fetchImages: boolean;
  allowPrivateAddresses: boolean;
}
type Importer = (services: Services, file: string, options: PlatformImportOptions, images: ImageChoice) => Promise<ImportReport>;

/**
 * Loaded on first use, so serving pages never loads an importer. A WordPress export names
 * whatever hosts it likes: its images are asked of them only when the administrator says so, and
 * then only through the address guard of outgoing webhooks. Substack's images come from
 * Substack's own hosts, as from the command line.
 */
const importers: Record<ImportPlatform, Importer> = {
  wordpress: async (services, file, options, images) =>
    (await import('./wordpress/wordpress.importer.js')).importWordpress(services, file, { ...options, fetchMedia: images.fetchImages, fetcher: guardedFetch(images.allowPrivateAddresses) }),
  ghost: async (services, file, options) => (await import('./ghost/ghost.importer.js')).importGhost(services, file, options),
  substack: async (services, file, options) => (await import('./substack/substack.importer.js')).importSubstack(services, file, options),
};

/**
 * Imports from another platform started in the admin: the upload is checked by a dry run at
 * once, and the real import runs later as a background job, one at a time per site, with its
 * progress and report kept in `import_runs`. Each import is one transaction (see import-run.ts),
 * so a failed or interrupted one leaves the site as it was.
 */
export class ImportRunService {
  /** Progress of the runs this process is running, fresher than the stored one. */
  private readonly live = new Map<number, { step: string; done: number; total: number }>();

  constructor(private readonly deps: ImportRunServiceDeps) {}

  get maxBytes(): number {
    return this.deps.maxBytes;
  }

  /**
   * Stores the upload as it arrives, tells its platform and runs the import as a dry run. Any
   * refusal (too large, unknown format, an unreadable export) leaves nothing behind.
   */
  async upload(body: AsyncIterable<Buffer> | Iterable<Buffer>, fileName: string, createdBy: number | null, choices: { fetchImages?: boolean } = {}): Promise<ImportRun> {
    await this.expire();
    if (await repo.hasActiveRun(this.deps.db)) throw new AppError('IMPORT_BUSY');
    const folder = path.join(this.deps.dir, randomUUID());
    await fs.mkdir(folder, { recursive: true });
    const file = path.join(folder, safeFileName(fileName, 'export'));
    try {
      const fileSize = await writeUpload(body, file);
      const platform = await detectPlatform(file);
      const fetchImages = platform === 'wordpress' && (choices.fetchImages ?? false);
      const report = await importers[platform](this.deps.services(), file, { dryRun: true }, { fetchImages, allowPrivateAddresses: this.deps.allowPrivateAddresses });
      const row = await repo.insertRun(this.deps.db, {
        platform,
        fileName: path.basename(file),
        fileSize,
        filePath: file,
        preview: JSON.stringify({ ...reportView(report), fetchImages } satisfies StoredPreview),
        createdBy,
        now: this.now(),
      });
      return this.view(row);
    } catch (error) {
      await fs.rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Queues the real import of a checked upload; only one import is queued or running at a time. */
  async start(id: number): Promise<ImportRun> {
    const row = await this.find(id);
    if (row.state !== 'checked' || !row.file_path) throw new AppError('IMPORT_RUN_NOT_READY');
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        if (!(await repo.queueRun(tx, id, this.now()))) throw new AppError('IMPORT_RUN_NOT_READY');
        await this.deps.jobs.enqueue(tx, { name: IMPORT_JOB, payload: { runId: id }, key: `import:${id}`, maxAttempts: 2 });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('IMPORT_BUSY');
      throw error;
    }
    return this.get(id);
  }

  /** Drops a checked upload that will not be imported, with its file. */
  async discard(id: number): Promise<ImportRun> {
    const row = await this.find(id);
    if (row.state !== 'checked') throw new AppError('IMPORT_RUN_NOT_READY', 'Only an upload that has not been imported can be discarded.');
    if (row.file_path) await removeUploadFolder(this.deps.dir, row.file_path);
    await repo.finishRun(this.deps.db, id, { state: 'discarded' }, this.now());
    return this.get(id);
  }

  async get(id: number): Promise<ImportRun> {
    return this.view(await this.find(id));
  }

  /** The latest imports, newest first, each in short (a report can list thousands of notes). */
  async list(): Promise<ImportRunSummary[]> {
    await this.expire();
    return (await repo.listRuns(this.deps.db, LISTED)).map((row) => {
      const { preview, report, ...run } = this.view(row);
      const latest = report ?? preview;
      const outcome = latest && { dryRun: latest.dryRun, posts: latest.counts.post.created, pages: latest.counts.page.created, notes: latest.notes.length };
      return { ...run, outcome };
    });
  }

  /**
   * The job: runs the import of a queued run and keeps its report. A run found already running
   * was cut off by a stop of the server; its transaction never committed, so it is marked failed.
   */
  async runJob(payload: unknown, context: JobContext): Promise<void> {
    const { db } = this.deps;
    const row = await repo.findRun(db, (payload as { runId: number }).runId);
    if (!row || !repo.ACTIVE_STATES.includes(row.state)) return;
    if (row.state === 'running') {
      await this.end(row, { state: 'failed', error: 'The server stopped during this import; nothing of it was kept. Upload the file again to retry.' });
      return;
    }
    const startedAt = this.now();
    if (!(await repo.moveRun(db, row.id, 'queued', 'running', startedAt))) return;
    const onProgress = this.progressOf(row.id, context);
    try {
      const { fetchImages = false } = JSON.parse(row.preview!) as Partial<StoredPreview>;
      const report = await importers[row.platform as ImportPlatform](this.deps.services(), row.file_path!, { onProgress }, { fetchImages, allowPrivateAddresses: this.deps.allowPrivateAddresses });
      const posts = await repo.postsImportedSince(db, startedAt, LISTED);
      await this.end(row, { state: 'done', report: JSON.stringify({ ...reportView(report), posts: { items: posts.posts, total: posts.total } }) });
    } catch (error) {
      if (!isAppError(error)) this.deps.logger.error({ err: error, importRun: row.id }, 'import failed');
      const reason = isAppError(error) ? error.message : 'it stopped on an unexpected error (see the server log)';
      await this.end(row, { state: 'failed', error: `The import failed: ${reason}. Nothing of it was kept.` });
    } finally {
      this.live.delete(row.id);
    }
  }

  /** Removes uploads checked but never imported after RETENTION_MS, and leftovers of broken uploads. */
  async expire(): Promise<void> {
    const cutoff = this.deps.clock().getTime() - RETENTION_MS;
    for (const row of await repo.staleChecked(this.deps.db, new Date(cutoff).toISOString())) {
      await this.end(row, { state: 'expired' });
    }
    const held = await repo.heldFiles(this.deps.db);
    // Files age by the machine's clock, whatever clock the service is given.
    await removeOrphanFolders(this.deps.dir, new Set([...held].map((file) => path.dirname(file))), Date.now() - RETENTION_MS);
  }

  private progressOf(id: number, context: JobContext) {
    let written = 0;
    let beat = Date.now();
    return (step: string, done: number, total: number) => {
      const progress = { step, done, total };
      this.live.set(id, progress);
      const now = Date.now();
      // Fire and forget: on SQLite these wait for the import's transaction, and must not hold it up.
      if (now - written >= PROGRESS_WRITE_MS || done === total) {
        written = now;
        void repo.recordProgress(this.deps.db, id, progress, this.now()).catch(() => undefined);
      }
      if (now - beat >= HEARTBEAT_MS) {
        beat = now;
        void context.heartbeat().catch(() => undefined);
      }
    };
  }

  private async end(row: repo.ImportRunRow, outcome: { state: ImportState; report?: string; error?: string }): Promise<void> {
    if (row.file_path) await removeUploadFolder(this.deps.dir, row.file_path);
    await repo.finishRun(this.deps.db, row.id, outcome, this.now());
  }

  private async find(id: number): Promise<repo.ImportRunRow> {
    const row = await repo.findRun(this.deps.db, id);
    if (!row) throw new AppError('IMPORT_RUN_NOT_FOUND');
    return row;
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  private view(row: repo.ImportRunRow): ImportRun {
    const stored = row.step ? { step: row.step, done: row.done, total: row.total } : null;
    // Reports stored before the choice was kept hold no fetchImages: nothing was fetched for them.
    const { fetchImages = false, ...preview } = row.preview ? (JSON.parse(row.preview) as Partial<StoredPreview>) : {};
    return {
      id: row.id,
      platform: row.platform as ImportPlatform,
      fetchImages,
      fileName: row.file_name,
      fileSize: Number(row.file_size),
      state: row.state as ImportState,
      preview: row.preview ? (preview as ImportReportView) : null,
      report: row.report ? (JSON.parse(row.report) as ImportReportView) : null,
      error: row.error,
      progress: row.state === 'running' ? (this.live.get(row.id) ?? stored) : stored,
      createdBy: row.created_by,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }
}

/** The dry run's report as stored, with the choice the real import is to be made with. */
type StoredPreview = ImportReportView & { fetchImages: boolean };

function reportView(report: ImportReport): ImportReportView {
  return { source: report.source, dryRun: report.dryRun, text: formatReport(report), counts: report.counts, facts: report.facts, notes: report.notes };
}
