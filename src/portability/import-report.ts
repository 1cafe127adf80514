/**
 * What a move from another platform did, for the person who ran it: counts per kind of item and
 * every item that was skipped, changed on the way or deserves a look, each with the reason.
 * Importers for each platform fill one in; the command line prints it.
 */
export type ReportKind = 'post' | 'page' | 'section' | 'tag' | 'author' | 'image' | 'address';
export type ReportOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';
export type NoteLevel = 'skipped' | 'changed' | 'doubtful';

export interface ReportNote {
  level: NoteLevel;
  /** The item as its owner would recognise it: `post 12 "Title"`. */
  item: string;
  reason: string;
}

export type ReportCounts = Record<ReportKind, Record<ReportOutcome, number>>;

/** Told how far the work is: the step being done and how much of it. */
export type ImportProgress = (step: string, done: number, total: number) => void;

const kinds: ReportKind[] = ['post', 'page', 'section', 'tag', 'author', 'image', 'address'];
const plural: Record<ReportKind, string> = {
  post: 'posts',
  page: 'pages',
  section: 'sections',
  tag: 'tags',
  author: 'authors',
  image: 'images',
  address: 'old addresses',
};

export class ImportReport {
  readonly counts: ReportCounts = Object.fromEntries(kinds.map((k) => [k, { created: 0, updated: 0, unchanged: 0, skipped: 0 }])) as ReportCounts;
  readonly notes: ReportNote[] = [];
  /** Facts about the whole file: what exists there that has no place here, and similar. */
  readonly facts: string[] = [];

  constructor(
    readonly source: string,
    readonly dryRun: boolean,
  ) {}

  count(kind: ReportKind, outcome: ReportOutcome, n = 1): void {
    this.counts[kind][outcome] += n;
  }

  note(level: NoteLevel, item: string, reason: string): void {
    this.notes.push({ level, item, reason });
  }

  fact(text: string): void {
    this.facts.push(text);
  }
}

/** The report as lines of text: counts, facts, then the notes grouped by level. */
export function formatReport(report: ImportReport): string {
  const lines = [report.dryRun ? `Dry run of an import from ${report.source}: nothing was changed.` : `Imported from ${report.source}.`];
  const verb = report.dryRun ? { created: 'to create', updated: 'to update' } : { created: 'created', updated: 'updated' };
  for (const kind of kinds) {
    const c = report.counts[kind];
    if (c.created + c.updated + c.unchanged + c.skipped === 0) continue;
    const parts = [`${c.created} ${verb.created}`];
    if (c.updated) parts.push(`${c.updated} ${verb.updated}`);
    if (c.unchanged) parts.push(`${c.unchanged} already here`);
    if (c.skipped) parts.push(`${c.skipped} skipped`);
    lines.push(`  ${plural[kind]}: ${parts.join(', ')}`);
  }
  for (const fact of report.facts) lines.push(`  ${fact}`);
  const headings: Record<NoteLevel, string> = { skipped: 'Skipped', changed: 'Changed on the way', doubtful: 'Worth a look' };
  for (const level of ['skipped', 'changed', 'doubtful'] as const) {
    const notes = report.notes.filter((n) => n.level === level);
    if (notes.length === 0) continue;
    lines.push(`${headings[level]} (${notes.length}):`);
    for (const n of notes) lines.push(`  ${n.item}: ${n.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
