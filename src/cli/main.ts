import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
// Commands load what only they need (the web server, import and export, demo content) when they
// run, so a command such as a newsletter send does not carry the rest in memory.
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { openStore } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { isAppError } from '../errors/app-error.js';
import { createLogger } from '../logger.js';
import { mediaStorageFor } from '../media/storage-choice.js';
import { createMailer, splitMessages } from '../email/index.js';
import type { ImportProgress, ImportReport } from '../portability/import-report.js';
import { createServices, serviceOptionsFrom, type Services } from '../services.js';
import { progress } from './progress.js';

/** Opens the store, migrates, runs the work with services, and always closes the store. */
async function withServices<T>(config: Config, work: (services: Services) => Promise<T>): Promise<T> {
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const store = openStore(config.database);
  try {
    await migrateToLatest(store.db);
    const mailer = createMailer(config);
    const services = createServices(store, await serviceOptionsFrom(config, logger, mailer));
    try {
      return await work(services);
    } finally {
      // Changes made by the command schedule background work; let that land before closing.
      await services.recommendations.settled();
      await services.cdn.settled();
      await mailer.close();
    }
  } finally {
    await store.close();
  }
}

export function buildProgram(config: () => Readonly<Config>): Command {
  const program = new Command('masthead')
    .description('Masthead: a publishing platform for independent magazines')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('start')
    .description('serve the site and run background jobs')
    .option('--demo', 'load the demo magazine when the site is empty')
    .action(async (options: { demo?: boolean }) => {
      const cfg = config();
      const logger = createLogger(cfg);
      const { startServer } = await import('../server.js');
      const server = await startServer(cfg, logger, { demo: options.demo });
      // Listen for the signals before saying the site runs: whoever reads that line may stop the
      // process at once. A second signal during shutdown ends it the default way.
      const shutdown = () => void server.stop().then(() => process.exit(0));
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
      process.stdout.write(`\nMasthead is running at ${cfg.publicUrl === `http://localhost:${cfg.port}` ? server.url.replace('127.0.0.1', 'localhost') : cfg.publicUrl}\n`);
      process.stdout.write(`Database: ${cfg.database.kind}${cfg.database.kind === 'sqlite' ? ` (${cfg.database.file})` : ''}\n`);
      if (!cfg.smtpUrl) {
        process.stdout.write(`Email: no SMTP_URL set, messages are written to ${path.join(cfg.dataDir, 'outbox')}\n`);
      }
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const cfg = config();
      const store = openStore(cfg.database);
      try {
        const { applied } = await migrateToLatest(store.db);
        process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await store.close();
      }
    });

  program
    .command('demo')
    .description('load the demo magazine into an empty site')
    .action(async () => {
      const cfg = config();
      await withServices(cfg, async (services) => {
        if (!(await services.posts.isEmpty())) throw new CliError('The site already has content; the demo loads only into an empty site.');
        const bar = progress('Loading demo');
        const { loadDemoContent } = await import('../demo/index.js');
        await loadDemoContent(services, { artwork: true, onProgress: bar.report });
        bar.done();
        process.stdout.write('Demo magazine loaded.\n');
      });
    });

  const user = program.command('user').description('staff accounts');
  user
    .command('create')
    .description('create a staff account')
    .requiredOption('--email <email>', 'email address, used to sign in')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'contributor, author, editor or administrator')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: { email: string; name: string; role: string; passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
      await withServices(config(), async (services) => {
        const created = await services.users.create({ email: options.email, name: options.name, role: options.role, password });
        process.stdout.write(`Created ${created.role} ${created.name} <${created.email}>.\n`);
        if (!password) process.stdout.write('No password was set: use "Forgot password" on the sign-in page to choose one.\n');
      });
    });

  // Keys for integrations, printed alone on stdout so scripts can capture them; they are made in
  // the name of the site's first active administrator, as if that person had made them in the admin.
  const keyMaker = async (services: Services) => {
    const administrator = (await services.users.list()).find((u) => u.role === 'administrator' && u.status === 'active');
    if (!administrator) throw new CliError('The site has no active administrator to own the key; create one first with "masthead user create --role administrator".');
    return administrator;
  };
  program
    .command('content-key')
    .description('Content API keys (read-only, for front ends)')
    .command('create')
    .argument('<name>', 'what the key is for, e.g. "Next.js front end"')
    .description("create a Content API key and print it (26 hex characters, as Ghost's clients expect)")
    .action(async (name: string) => {
      await withServices(config(), async (services) => {
        const { key, secret } = await services.contentKeys.create({ name }, (await keyMaker(services)).id);
        process.stderr.write(`Created Content API key "${key.name}". It is shown only now:\n`);
        process.stdout.write(`${secret}\n`);
      });
    });
  program
    .command('admin-key')
    .description('Admin API keys (act with a staff role, for integrations and migration tools)')
    .command('create')
    .argument('<name>', 'what the key is for, e.g. "Zapier"')
    .requiredOption('--role <role>', 'contributor, author, editor or administrator')
    .description("create an Admin API key and print it as id:secret (the format of Ghost's Admin API keys)")
    .action(async (name: string, options: { role: string }) => {
      await withServices(config(), async (services) => {
        const maker = await keyMaker(services);
        const { key, secret } = await services.apiKeys.create({ name, role: options.role }, maker);
        process.stderr.write(`Created Admin API key "${key.name}" acting as ${key.role} for ${maker.name} <${maker.email}>. It is shown only now:\n`);
        process.stdout.write(`${secret}\n`);
      });
    });

  program
    .command('export')
    .argument('<file>', 'where to write the site document (JSON)')
    .description('export the whole site as one JSON document')
    .action(async (file: string) => {
      await withServices(config(), async (services) => {
        const bar = progress('Exporting posts');
        const { exportSite } = await import('../portability/export.service.js');
        const target = path.resolve(file);
        const temporary = `${target}.partial`;
        // Written as it is made, at the pace the disk takes it; the file appears whole or not at all.
        const written = await exportSite(services, (text) => pipeline(Readable.from(text), createWriteStream(temporary)), bar.report).catch(async (error: unknown) => {
          await fs.rm(temporary, { force: true });
          throw error;
        });
        bar.done();
        await fs.rename(temporary, target);
        process.stdout.write(`Exported ${written.posts} posts and pages to ${target}\n`);
      });
    });

  const importCommand = program
    .command('import')
    .argument('<file>', 'a site document written by "masthead export"')
    .description('import a site document into an empty site')
    .action(async (file: string) => {
      const source = path.resolve(file);
      const stat = await fs.stat(source).catch(() => null);
      if (!stat?.isFile()) throw new CliError(`Cannot read ${file}: no such file.`);
      const kilobytes = (bytes: number) => Math.floor(bytes / 1024);
      const cfg = config();
      await withServices(cfg, async (services) => {
        const bar = progress('Importing (kB read)');
        const { importSite } = await import('../portability/import.service.js');
        // Read as a stream, as fast as the import takes it: the progress is how much of the file has been read.
        const file = createReadStream(source);
        let ended = false;
        const counted = async function* () {
          let read = 0;
          for await (const chunk of file) {
            // A piece read ahead when the import stops is not progress.
            if (!ended) bar.report(kilobytes((read += (chunk as Buffer).length)), kilobytes(stat.size));
            yield chunk as Buffer;
          }
        };
        const imported = await importSite(services, Readable.from(counted())).finally(() => {
          ended = true;
          file.destroy();
          bar.done();
        });
        process.stdout.write(`Imported ${imported.posts} posts and pages.\n`);
      });
    });

  /** A file the import reads; refused with one line when it is not there. */
  const fileToImport = async (file: string) => {
    const source = path.resolve(file);
    if (!(await fs.stat(source).catch(() => null))?.isFile()) throw new CliError(`Cannot read ${file}: no such file.`);
    return source;
  };
  const folderToRead = async (folder: string | undefined, what: string) => {
    if (folder === undefined) return undefined;
    const resolved = path.resolve(folder);
    if (!(await fs.stat(resolved).catch(() => null))?.isDirectory()) throw new CliError(`Cannot read the ${what} ${folder}: no such folder.`);
    return resolved;
  };
  /**
   * Runs an import from another platform with a progress bar per step, tells servers already
   * running to redraw every page (on PostgreSQL they read this within a second), and prints the report.
   */
  const platformImport = async (name: string, run: (services: Services, onProgress: ImportProgress) => Promise<ImportReport>) => {
    await withServices(config(), async (services) => {
      const { formatReport } = await import('../portability/import-report.js');
      const steps = stepProgress();
      const report = await run(services, steps.report).finally(steps.done);
      if (!report.dryRun) {
        const { recordChange } = await import('../site/cache-change.repository.js');
        await recordChange(services.store.db, `masthead import ${name}`, JSON.stringify({ kind: 'settings', slugs: [] }), services.clock().toISOString());
      }
      process.stdout.write(formatReport(report));
    });
  };

  importCommand
    .command('wordpress')
    .argument('<file>', 'a WordPress export (WXR), made with Tools → Export in WordPress')
    .option('--uploads <dir>', "a copy of the old site's wp-content/uploads folder (images not in it are asked of the old site)")
    .option('--dry-run', 'do everything but keep nothing: the report says what would happen')
    .option('--update', 'bring what an earlier run imported up to date with the file')
    .description('move a WordPress site in: posts, pages, authors, categories and tags, images, and its old addresses')
    .action(async (file: string, options: { uploads?: string; dryRun?: boolean; update?: boolean }) => {
      const source = await fileToImport(file);
      const uploadsDir = await folderToRead(options.uploads, 'uploads folder');
      const { importWordpress } = await import('../portability/wordpress/wordpress.importer.js');
      await platformImport('wordpress', (services, onProgress) => importWordpress(services, source, { uploadsDir, dryRun: options.dryRun, update: options.update, onProgress }));
    });

  importCommand
    .command('substack')
    .argument('<file>', "a Substack export (the zip from Substack's Settings → Exports)")
    .option('--dry-run', 'do everything but keep nothing: the report says what would happen')
    .option('--update', 'bring what an earlier run imported up to date with the export')
    .description('move a Substack publication in: posts, their images and old addresses, and subscribers')
    .action(async (file: string, options: { dryRun?: boolean; update?: boolean }) => {
      const source = await fileToImport(file);
      const { importSubstack } = await import('../portability/substack/substack.importer.js');
      await platformImport('substack', (services, onProgress) => importSubstack(services, source, { dryRun: options.dryRun, update: options.update, onProgress }));
    });

  importCommand
    .command('ghost')
    .argument('<file>', 'a Ghost export (JSON), made with Settings → Migration tools → Export content in Ghost')
    .option('--content <dir>', "a copy of Ghost's content folder (the one holding images/)")
    .option('--dry-run', 'do everything but keep nothing: the report says what would happen')
    .option('--update', 'bring what an earlier run imported up to date with the file')
    .description('move a Ghost site in: posts, pages, authors, tags, images, and its old addresses')
    .action(async (file: string, options: { content?: string; dryRun?: boolean; update?: boolean }) => {
      const source = await fileToImport(file);
      const contentDir = await folderToRead(options.content, 'content folder');
      const { importGhost } = await import('../portability/ghost/ghost.importer.js');
      await platformImport('ghost', (services, onProgress) => importGhost(services, source, { contentDir, dryRun: options.dryRun, update: options.update, onProgress }));
    });

  program
    .command('media')
    .description('uploaded images and their files')
    .command('migrate')
    .requiredOption('--to <store>', 's3 (the bucket in S3_BUCKET) or fs (DATA_DIR/media)')
    .option('--dry-run', 'check both stores and say what would be copied and rewritten, changing nothing')
    .description('copy every media file to the other store, verify each copy, then point stored addresses at it; run again to resume')
    .action(async (options: { to: string; dryRun?: boolean }) => {
      if (options.to !== 's3' && options.to !== 'fs') throw new CliError(`--to must be s3 or fs, not "${options.to}".`);
      const cfg = config();
      if (!cfg.s3) throw new CliError('S3_BUCKET (with S3_REGION or S3_ENDPOINT) must be set to move media to or from a bucket.');
      const target = options.to;
      const [from, to] = await Promise.all([mediaStorageFor(cfg, target === 's3' ? 'fs' : 's3'), mediaStorageFor(cfg, target)]);
      await withServices(cfg, async (services) => {
        const { moveMedia } = await import('../media/storage-migration.js');
        const bar = progress(options.dryRun ? 'Checking media' : 'Copying media');
        const report = await moveMedia({ db: services.store.db, from, to, publicUrl: cfg.publicUrl }, { dryRun: options.dryRun, onProgress: bar.report }).finally(bar.done);
        const rows = Object.entries(report.rewritten).filter(([, count]) => count > 0);
        const rewritten = rows.length ? rows.map(([table, count]) => `${table} ${count}`).join(', ') : 'none';
        const where = target === 's3' ? `the bucket ${cfg.s3!.bucket}` : 'DATA_DIR/media';
        if (report.dryRun) {
          process.stdout.write(
            `Dry run: ${report.files} files (${megabytes(report.bytes)}); ${report.copied} would be copied to ${where}, ${report.alreadyThere} are there already. Rows whose addresses would be rewritten: ${rewritten}. Nothing was changed.\n`,
          );
          return;
        }
        if (rows.length > 0) {
          const { recordChange } = await import('../site/cache-change.repository.js');
          await recordChange(services.store.db, 'masthead media migrate', JSON.stringify({ kind: 'settings', slugs: [] }), services.clock().toISOString());
        }
        process.stdout.write(
          `Moved ${report.files} files (${megabytes(report.bytes)}) to ${where}: ${report.copied} copied and verified, ${report.alreadyThere} already there. Rows whose addresses were rewritten: ${rewritten}.\n`,
        );
        if (cfg.mediaStorage !== target) process.stdout.write(`Now set MEDIA_STORAGE=${target} and restart Masthead; the files in the old store were left in place.\n`);
      });
    });

  program
    .command('recommendations')
    .description('"You may also like" lists')
    .command('rebuild')
    .description('recompute every list (after an import, or to apply a new method)')
    .action(async () => {
      await withServices(config(), async (services) => {
        const bar = progress('Computing recommendations');
        const count = await services.recommendations.rebuild(bar.report);
        bar.done();
        process.stdout.write(`Computed recommendations for ${count} posts.\n`);
      });
    });

  const subscribers = program.command('subscribers').description('newsletter subscribers');
  subscribers
    .command('import')
    .argument('<file>', 'a CSV export from Substack, Mailchimp, Ghost, or any CSV with an email column')
    .option('--newsletter <slug>', 'the newsletter to add them to (default: the default newsletters)')
    .description('import confirmed subscribers from a CSV file (all accepted rows or none)')
    .action(async (file: string, options: { newsletter?: string }) => {
      let size: number;
      try {
        size = (await fs.stat(path.resolve(file))).size;
      } catch {
        throw new CliError(`Cannot read ${file}: no such file.`);
      }
      await withServices(config(), async (services) => {
        // Read as a stream: a file of a million rows is never held whole.
        const reading = progress('Reading the file (bytes)');
        const bar = progress('Importing subscribers');
        const report = await services.subscribers.importCsv(createReadStream(path.resolve(file)), {
          newsletter: options.newsletter,
          onRead: ({ bytes }) => reading.report(bytes, size),
          onProgress: (done, total) => {
            reading.done();
            bar.report(done, total);
          },
        });
        reading.done();
        bar.done();
        process.stdout.write(
          `${report.layout} layout, ${report.rows} rows: ${report.added} added, ${report.updated} already there, ${report.rejectedTotal} rejected${report.rejectedTotal > report.rejected.length ? ` (the first ${report.rejected.length} listed)` : ''}.\n`,
        );
        for (const r of report.rejected) process.stdout.write(`  line ${r.line}: ${r.email || '(empty)'}: ${r.reason}\n`);
      });
    });

  const newsletter = program.command('newsletter').description('newsletter emails');
  newsletter
    .command('send')
    .option('--post <slug>', 'email this published post')
    .option('--digest', 'send the weekly digest (the current draft, or one assembled now)')
    .option('--newsletter <slug>', 'the newsletter to send to (posts; default: the default newsletter)')
    .option('--wait <seconds>', 'how long to wait while another live process delivers the send (0: give up at once)', '600')
    .description('send in the foreground with progress; run it again after an interruption to resume')
    .action(async (options: { post?: string; digest?: boolean; newsletter?: string; wait: string }) => {
      if (Boolean(options.post) === Boolean(options.digest)) throw new CliError('Give either --post SLUG or --digest.');
      if (!/^\d{1,7}$/.test(options.wait)) throw new CliError('--wait takes a whole number of seconds, such as 600.');
      const waitMs = Number(options.wait) * 1000;
      await withServices(config(), async (services) => {
        let sendId: number;
        if (options.digest) {
          const digest = await services.newsletter.digestToSend();
          sendId = await services.newsletter.sendNow(digest.id);
        } else {
          const started = await services.newsletter.sendPost(options.post!, options.newsletter);
          if (started.sendId === null) {
            process.stdout.write(`The post is scheduled; it will be emailed when it is published (${started.sendsAt}) by the running server.\n`);
            return;
          }
          sendId = started.sendId;
        }
        const bar = progress(`Sending ${sendId}`);
        const report = await deliverWhenFree(services, sendId, waitMs, bar.report);
        bar.done();
        process.stdout.write(
          `Send ${report.id} "${report.subject}" to ${report.newsletter}: ${report.delivered} delivered, ${report.deferred} deferred, ${report.failed} failed, ${report.bounced} bounced, ${report.skipped} skipped of ${report.total}.\n`,
        );
        if (report.deferred > 0) process.stdout.write('Deferred messages are retried by the running server (masthead start) with backoff.\n');
        if (services.mailer.kind === 'outbox') process.stdout.write('No SMTP_URL is set: the messages were written to DATA_DIR/outbox.\n');
      });
    });

  newsletter
    .command('feedback')
    .argument('<files...>', 'complaint (ARF) and bounce (DSN) reports: .eml files or mbox files')
    .description('apply complaint and bounce reports that came back by email: suppress the addresses, say what was rejected and why')
    .action(async (files: string[]) => {
      const contents: Array<{ file: string; content: Buffer }> = [];
      for (const file of files) {
        try {
          contents.push({ file, content: await fs.readFile(path.resolve(file)) });
        } catch {
          throw new CliError(`Cannot read ${file}: no such file.`);
        }
      }
      await withServices(config(), async (services) => {
        let applied = 0;
        let rejected = 0;
        for (const { file, content } of contents) {
          const messages = splitMessages(content);
          for (const [index, message] of messages.entries()) {
            const source = messages.length > 1 ? `${file}#${index + 1}` : file;
            for (const outcome of await services.feedback.apply(message, source)) {
              if (outcome.applied) applied += 1;
              else rejected += 1;
              const who = outcome.email ? `${outcome.email}: ` : '';
              process.stdout.write(`${outcome.applied ? 'applied ' : 'rejected'}  ${outcome.source}: ${who}${outcome.result}\n`);
            }
          }
        }
        process.stdout.write(`${applied} applied, ${rejected} rejected.\n`);
      });
    });

  const print = program.command('print').description('print issues and their fulfilment lists');
  print
    .command('export')
    .argument('<issue>', 'the print issue, by slug or id')
    .argument('<file>', 'where to write the fulfilment list (CSV)')
    .description('write the frozen fulfilment list of a print issue as CSV for the mailing house')
    .action(async (issue: string, file: string) => {
      await withServices(config(), async (services) => {
        const { issue: found, lines, rows, countries } = await services.print.csv(issue);
        const target = path.resolve(file);
        const temporary = `${target}.partial`;
        // Written a page of lines at a time; the file appears whole or not at all.
        await pipeline(Readable.from(lines), createWriteStream(temporary)).catch(async (error: unknown) => {
          await fs.rm(temporary, { force: true });
          throw error;
        });
        await fs.rename(temporary, target);
        const byCountry = countries.map((c) => `${c.country} ${c.copies}`).join(', ');
        process.stdout.write(`Wrote ${rows} addresses for ${found.name} to ${target}${byCountry ? ` (${byCountry})` : ''}\n`);
      });
    });

  return program;
}

/** A progress bar per step of long work that goes through several (reading, images, writing). */
function stepProgress(): { report: (step: string, done: number, total: number) => void; done(): void } {
  let current: { step: string; bar: ReturnType<typeof progress> } | undefined;
  return {
    report(step, done, total) {
      if (current?.step !== step) {
        current?.bar.done();
        current = { step, bar: progress(step) };
      }
      current.bar.report(done, total);
    },
    done: () => current?.bar.done(),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export class CliError extends Error {}

/**
 * Delivers the send; while another live process holds it, says who and waits for its lease to
 * end (it is renewed while that process works), up to waitMs before giving up with SEND_BUSY.
 */
async function deliverWhenFree(services: Services, sendId: number, waitMs: number, onProgress: (done: number, total: number) => void) {
  const giveUpAt = Date.now() + waitMs;
  let said = '';
  for (;;) {
    try {
      return await services.sends.deliver(sendId, { onProgress, refuseWhileHeld: true });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'SEND_BUSY' || Date.now() >= giveUpAt) throw error;
      const holder = await services.sends.holder(sendId);
      if (holder) {
        const seconds = Math.max(0, Math.ceil((holder.until.getTime() - Date.now()) / 1000));
        const key = `${holder.pid}@${holder.host}@${holder.until.getTime()}`;
        const line = `waiting for process ${holder.pid} on host ${holder.host}, lease ends in ${seconds}s`;
        if (key !== said) process.stderr.write(`${line}\n`);
        said = key;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(0, giveUpAt - Date.now()))));
    }
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

/** Runs the CLI; every failure ends with one clear line on stderr and a non-zero exit code. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram(() => loadConfig());
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof ConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 78;
  }
  if (isAppError(error) || error instanceof CliError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  return 1;
}
