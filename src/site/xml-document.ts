import type { create } from 'xmlbuilder2';

// xmlbuilder2 brings a DOM implementation, a YAML parser and a JavaScript parser (a tenth of what
// the server would load at start); feeds and sitemaps load it when the first one is asked for.
let loaded: Promise<typeof create> | undefined;

/** A new XML document (version 1.0, UTF-8) from xmlbuilder2, loaded on first use. */
export async function xmlDocument(): Promise<ReturnType<typeof create>> {
  const create = await (loaded ??= import('xmlbuilder2').then((module) => module.create));
  return create({ version: '1.0', encoding: 'UTF-8' });
}
