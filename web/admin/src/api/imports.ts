import { queryOptions } from '@tanstack/react-query';
import { ApiError, answer, api, csrfHeaders, request, uriComponent, type FieldError } from './client';
import type { Answer } from './types';

/** An import of a site, with its dry run's and its final report, as the API answers it. */
export type ImportRun = Answer<'/admin/api/imports/{id}', 'get'>['import'];
/** An import as the list shows it: its latest report in short. */
export type ImportRunSummary = Answer<'/admin/api/imports', 'get'>['imports'][number];
export type ImportReport = NonNullable<ImportRun['report']>;
export type ReportKind = keyof ImportReport['counts'];

/** Whether the server is still working on an import (the screens ask again until it is not). */
export const inProgress = (run: { state: ImportRun['state'] }) => run.state === 'queued' || run.state === 'running';

/** Past imports in short and the largest export the server takes. */
export const importList = queryOptions({
  queryKey: ['imports'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/imports', { signal })),
});
/** One import with its whole report. */
export const importDetail = (id: number) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/imports/{id}', { params: { path: { id } }, signal })).then((r) => r.import),
  });
export const startImport = (id: number) => request<{ import: ImportRun }>('POST', `/imports/${id}/start`, {}).then((r) => r.import);
export const discardImport = (id: number) => request<{ import: ImportRun }>('DELETE', `/imports/${id}/file`).then((r) => r.import);

/**
 * Sends the export file itself as the body (never read whole by the server) and reports how much
 * has gone; the answer, once the server has checked the file with a dry run, is the new import.
 */
export function uploadExport(file: File, fetchImages: boolean, onProgress: (sent: number, total: number) => void): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/admin/api/imports?name=${uriComponent(file.name)}&fetchImages=${fetchImages}`);
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
