import { Readable } from 'node:stream';
import type { SiteDocument } from '../../src/portability/document.schema.js';
import { exportSite } from '../../src/portability/export.service.js';
import { importSite } from '../../src/portability/import.service.js';
import type { Services } from '../../src/services.js';

/** The site's document as `masthead export` writes it, read back as an object. */
export async function exportDocument(services: Services): Promise<SiteDocument> {
  let text = '';
  await exportSite(services, async (pieces) => {
    for await (const piece of pieces) text += piece;
  });
  return JSON.parse(text) as SiteDocument;
}

/** Imports a document given as an object (or any JSON value), streamed in as its text. */
export function importDocument(services: Services, document: unknown): Promise<{ posts: number }> {
  return importSite(services, Readable.from([Buffer.from(JSON.stringify(document))]));
}
