import { z } from 'zod';
import { streamedBody } from '../http/streamed-body.js';
import type { ImportRunService } from '../portability/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { importRunEnvelope, importRunSummaryOut, uploadQuery } from './imports.schemas.js';
import { idParams } from './schemas.js';

/** The Import page: move a WordPress, Ghost or Substack site in. Administrators only. */
export function importRoutes(api: EndpointRegistry, imports: ImportRunService): void {
  const common = { tag: 'imports', access: 'staff' } as const;

  api.add({
    ...common,
    method: 'GET',
    url: '/imports',
    summary: 'The latest imports, newest first, in short (GET /imports/:id has the reports)',
    response: z.object({ imports: z.array(importRunSummaryOut), maxBytes: z.number() }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'imports.run' });
      return { imports: await imports.list(), maxBytes: imports.maxBytes };
    },
  });

  api.add({
    ...common,
    method: 'POST',
    url: '/imports',
    summary: 'Upload an export (WordPress XML, Ghost JSON or Substack zip, told apart by content) and answer its dry-run report; nothing is imported yet',
    query: uploadQuery,
    bodyType: 'application/octet-stream',
    bodyDoc: z.string().describe('The export file itself, at most IMPORT_MAX_MB megabytes'),
    response: importRunEnvelope,
    status: 201,
    // The role is checked before the body is read; the file is then written to disk as it arrives.
    handler: async ({ staff, query, request }) => {
      authorize(staff, { do: 'imports.run' });
      return { import: await imports.upload(streamedBody(request, imports.maxBytes), query.name, staff.id, { fetchImages: query.fetchImages }) };
    },
  });

  api.add({
    ...common,
    method: 'GET',
    url: '/imports/:id',
    summary: 'One import: its state, progress and reports',
    params: idParams,
    response: importRunEnvelope,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'imports.run' });
      return { import: await imports.get(params.id) };
    },
  });

  api.add({
    ...common,
    method: 'POST',
    url: '/imports/:id/start',
    summary: 'Run the import of a checked upload in the background (one import at a time)',
    params: idParams,
    response: importRunEnvelope,
    status: 202,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'imports.run' });
      return { import: await imports.start(params.id) };
    },
  });

  api.add({
    ...common,
    method: 'DELETE',
    url: '/imports/:id/file',
    summary: 'Discard a checked upload that will not be imported, with its file',
    params: idParams,
    response: importRunEnvelope,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'imports.run' });
      return { import: await imports.discard(params.id) };
    },
  });
}
