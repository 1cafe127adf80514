import { ApiError, csrfHeaders, request, type FieldError } from './client';

export type ImportPlatform = 'wordpress' | 'ghost' | 'substack';
export type ImportState = 'checked' | 'queued' | 'running' | 'done' | 'failed' | 'discarded' | 'expired';
export type ReportKind = 'post' | 'page' | 'section' | 'tag' | 'author' | 'image' | 'address';
export type ReportOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ImportReport {
  source: string;
  dryRun: boolean;
  /** The report as `masthead import` prints it. */
  text: string;
  counts: Record<ReportKind, Record<ReportOutcome, number>>;
  facts: string[];
  notes: Array<{ level: 'skipped' | 'changed' | 'doubtful'; item: string; reason: string }>;
  posts?: { items: Array<{ id: number; title: string; slug: string; status: string; type: string }>; total: number };
}

export interface ImportRun {
  id: number;
  platform: ImportPlatform;
  /** WordPress: images are asked of the old site. */
  fetchImages: boolean;
  fileName: string;
  fileSize: number;
  state: ImportState;
  preview: ImportReport | null;
  report: ImportReport | null;
  error: string | null;
  progress: { step: string; done: number; total: number } | null;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

/** An import as the list shows it: its latest report in short. */
export interface ImportRunSummary extends Omit<ImportRun, 'preview' | 'report'> {
  outcome: { dryRun: boolean; posts: number; pages: number; notes: number } | null;
}

export const listImports = () => request<{ imports: ImportRunSummary[]; maxBytes: number }>('GET', '/imports');
export const getImport = (id: number) => request<{ import: ImportRun }>('GET', `/imports/${id}`).then((r) => r.import);
export const startImport = (id: number) => request<{ import: ImportRun }>('POST', `/imports/${id}/start`, {}).then((r) => r.import);
export const discardImport = (id: number) => request<{ import: ImportRun }>('DELETE', `/imports/${id}/file`).then((r) => r.import);

/**
 * Sends the export file itself as the body (never read whole by the server) and reports how much
 * has gone; the answer, once the server has checked the file with a dry run, is the new import.
 */
export function uploadExport(file: File, fetchImages: boolean, onProgress: (sent: number, total: number) => void): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/admin/api/imports?name=${encodeURIComponent(file.name)}&fetchImages=${fetchImages}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new Error('The upload was cut off: the connection closed before the server answered.'));
    xhr.onload = () => {
      let data: { import?: ImportRun; error?: { code?: string; message?: string; fields?: FieldError[] } } | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status === 201 && data?.import) resolve(data.import);
      else reject(new ApiError(xhr.status, data?.error?.code ?? `HTTP_${xhr.status}`, data?.error?.message ?? `The server answered ${xhr.status}.`, data?.error?.fields ?? []));
    };
    xhr.send(file);
  });
}
