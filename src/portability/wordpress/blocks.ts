/**
 * The block editor's storage format: HTML with each block marked by comments,
 * `<!-- wp:name {"attr":1} -->…<!-- /wp:name -->` or `<!-- wp:name {…} /-->` when it saves no
 * HTML (it is drawn when the page is shown). Blocks nest; HTML between blocks at the top level is
 * classic content.
 */
export interface Block {
  /** `core/paragraph`, `core/image`, `jetpack/slideshow` …; null for classic HTML between blocks. */
  name: string | null;
  attrs: Record<string, unknown>;
  /** The block's own HTML around its inner blocks: strings, with null where each inner block goes. */
  content: Array<string | null>;
  inner: Block[];
}

const DELIMITER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)\s+(?:(\{[\s\S]*?\})\s+)?(\/)?-->/g;
const MAX_NESTING = 40;

export function hasBlocks(content: string): boolean {
  return content.includes('<!-- wp:');
}

/** Splits stored content into blocks; unbalanced markers are read the way the editor reads them. */
export function parseBlocks(content: string): Block[] {
  const top: Block[] = [];
  const stack: Block[] = [];
  let at = 0;
  const addHtml = (html: string) => {
    if (!html) return;
    const parent = stack.at(-1);
    if (parent) parent.content.push(html);
    else top.push({ name: null, attrs: {}, content: [html], inner: [] });
  };
  const addBlock = (block: Block) => {
    const parent = stack.at(-1);
    if (parent) {
      parent.inner.push(block);
      parent.content.push(null);
    } else {
      top.push(block);
    }
  };
  for (const match of content.matchAll(DELIMITER)) {
    const [whole, closing, rawName, rawAttrs, selfClosing] = match;
    const name = rawName!.includes('/') ? rawName! : `core/${rawName}`;
    addHtml(content.slice(at, match.index));
    at = match.index + whole.length;
    if (closing) {
      // A closer for a block that is not the innermost open one closes everything up to it.
      const index = stack.map((b) => b.name).lastIndexOf(name);
      if (index !== -1) stack.length = index;
      continue;
    }
    const block: Block = { name, attrs: parseAttrs(rawAttrs), content: [], inner: [] };
    addBlock(block);
    if (!selfClosing && stack.length < MAX_NESTING) stack.push(block);
  }
  addHtml(content.slice(at));
  return top;
}

function parseAttrs(raw: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
