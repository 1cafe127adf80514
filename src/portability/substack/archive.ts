import yauzl from 'yauzl';
import { AppError } from '../../errors/app-error.js';

/** Entries a Substack export may hold; one with more is refused before anything is read. */
export const MAX_ENTRIES = 50_000;
/** Bytes all entries may hold once uncompressed, as the archive declares them (and as they must turn out). */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

/** The parts of a Substack export the import reads, each whole, as text. */
export interface SubstackArchive {
  postsCsv: Buffer;
  /** Post bodies by the post_id their file is named after (`posts/123.my-post.html`). */
  bodies: Map<string, Buffer>;
  /** Subscriber lists (`email_list.NAME.csv`) by file name. */
  emailLists: Map<string, Buffer>;
}

interface Wanted {
  kind: 'posts' | 'body' | 'emails';
  /** The post_id of a body, the file name of a subscriber list. */
  name: string;
}

const refuse = (reason: string) => new AppError('IMPORT_FILE_UNREADABLE', `This is not a readable Substack export: ${reason}.`);

/**
 * Reads a Substack export zip. The whole central directory is checked first: too many entries,
 * more declared bytes than allowed, or a name that climbs out of its folder (`..`, an absolute
 * path, a backslash, a control character) refuses the archive before any entry is inflated. Then
 * only posts.csv, the posts' HTML bodies and the subscriber lists are read; the reader stops any
 * entry that inflates past its declared size, so a lying header cannot get around the limit.
 */
export async function readSubstackArchive(file: string): Promise<SubstackArchive> {
  const zip = await openZip(file);
  try {
    const entries = await centralDirectory(zip);
    const root = rootOf(entries);
    const archive: SubstackArchive = { postsCsv: Buffer.alloc(0), bodies: new Map(), emailLists: new Map() };
    for (const entry of entries) {
      const wanted = wantedOf(entry.fileName, root);
      if (!wanted) continue;
      const data = await readEntry(zip, entry);
      if (wanted.kind === 'posts') archive.postsCsv = data;
      else if (wanted.kind === 'body') archive.bodies.set(wanted.name, data);
      else archive.emailLists.set(wanted.name, data);
    }
    return archive;
  } finally {
    zip.close();
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error) reject(translate(error));
      else resolve(zip);
    });
  });
}

/** Every entry the archive lists, once each is known to be safe and all together small enough. */
function centralDirectory(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  if (zip.entryCount > MAX_ENTRIES) {
    return Promise.reject(refuse(`it holds ${zip.entryCount.toLocaleString('en')} files; at most ${MAX_ENTRIES.toLocaleString('en')} are read`));
  }
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let total = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      const unsafe = unsafeName(entry.fileName);
      if (unsafe) return reject(refuse(`the file name "${printable(entry.fileName)}" ${unsafe}`));
      total += entry.uncompressedSize;
      if (total > MAX_UNCOMPRESSED_BYTES) return reject(refuse(`its files would take more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB once uncompressed`));
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => reject(translate(error)));
    zip.readEntry();
  });
}

/** Why a name in the archive is refused, or null when it is an ordinary relative path. */
function unsafeName(name: string): string | null {
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return 'holds a backslash or a control character';
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'is an absolute path';
  if (name.split('/').some((segment) => segment === '..')) return 'leads outside the archive';
  return null;
}

/** The folder posts.csv is in: the top of the archive, or one folder the whole export was zipped in. */
function rootOf(entries: yauzl.Entry[]): string {
  const lists = entries.map((e) => e.fileName).filter((name) => /^(?:[^/]+\/)?posts\.csv$/.test(name));
  if (lists.length === 0) throw refuse('it has no posts.csv (Substack: Settings → Exports → "Create new export")');
  return lists.sort((a, b) => a.length - b.length)[0]!.slice(0, -'posts.csv'.length);
}

function wantedOf(name: string, root: string): Wanted | null {
  if (!name.startsWith(root)) return null;
  const rest = name.slice(root.length);
  if (rest === 'posts.csv') return { kind: 'posts', name: rest };
  const body = /^posts\/([^/]+)\.html$/.exec(rest);
  if (body) return { kind: 'body', name: body[1]! };
  if (/^email_list(?:\.[^/]*)?\.csv$/.test(rest)) return { kind: 'emails', name: rest };
  return null;
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(translate(error));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (e: Error) => reject(translate(e, entry.fileName)));
      stream.once('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** The zip reader's complaint in words for the person who ran the import. */
function translate(error: Error, name?: string): AppError {
  const message = error.message;
  const where = name ? ` (in ${printable(name)})` : '';
  if (/end of central directory record signature not found/i.test(message)) return refuse('it is not a zip archive, or it was cut short');
  if (/absolute path|relative path|invalid characters/i.test(message)) return refuse(`a file name in it is unsafe (${message})`);
  if (/encrypt/i.test(message)) return refuse('it is encrypted');
  return refuse(`the zip archive is damaged or cut short${where}: ${message}`);
}

function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 120);
}
