import { z } from 'zod';
import { importPlatforms } from '../portability/index.js';

const importStates = ['checked', 'queued', 'running', 'done', 'failed', 'discarded', 'expired'] as const;

export const uploadQuery = z
  .object({
    name: z.string().trim().min(1, 'give the file name').max(255, 'must be at most 255 characters'),
    fetchImages: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((v) => v === 'true')
      .describe('WordPress: ask the old site (the hosts its export names) for its images, public addresses only'),
  })
  .strict();

const outcomeCounts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() });

const reportOut = z.object({
  source: z.string(),
  dryRun: z.boolean(),
  text: z.string().describe('The report as the command line prints it'),
  counts: z
    .object({ post: outcomeCounts, page: outcomeCounts, section: outcomeCounts, tag: outcomeCounts, author: outcomeCounts, image: outcomeCounts, address: outcomeCounts })
    .describe('Per kind: created, updated, unchanged, skipped'),
  facts: z.array(z.string()),
  notes: z.array(z.object({ level: z.enum(['skipped', 'changed', 'doubtful']), item: z.string(), reason: z.string() })),
  posts: z
    .object({
      items: z.array(z.object({ id: z.number(), title: z.string(), slug: z.string(), status: z.string(), type: z.string() })),
      total: z.number(),
    })
    .optional(),
});

export const importRunOut = z.object({
  id: z.number(),
  platform: z.enum(importPlatforms),
  fetchImages: z.boolean(),
  fileName: z.string(),
  fileSize: z.number(),
  state: z.enum(importStates),
  preview: reportOut.nullable().describe('The dry run made on upload'),
  report: reportOut.nullable().describe('The real import, once done'),
  error: z.string().nullable(),
  progress: z.object({ step: z.string(), done: z.number(), total: z.number() }).nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const importRunSummaryOut = importRunOut.omit({ preview: true, report: true }).extend({
  outcome: z
    .object({ dryRun: z.boolean(), posts: z.number(), pages: z.number(), notes: z.number() })
    .nullable()
    .describe('The latest report in short: posts and pages created (or to create in a dry run), and how many notes it has'),
});

export const importRunEnvelope = z.object({ import: importRunOut });
