/** Query parameters by which WordPress (and sites like it) answer for one item at the root address. */
const ITEM_PARAMETERS = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author'] as const;

/** The longest address kept; longer ones are not worth a row. */
const MAX_ADDRESS_CHARS = 1000;

/**
 * The form under which an old address is stored and looked up, so that the way a browser or a
 * crawler writes it does not matter: the path percent-decoded, lower-case, in Unicode NFC, with
 * single slashes and no trailing slash, followed by the one query parameter that names an item
 * (`/?p=12`, `/blog?p=12`); other parameters (tracking, paging) are dropped. Null for what cannot
 * be one.
 */
export function oldAddressKey(pathAndQuery: string): string | null {
  const [beforeHash = ''] = pathAndQuery.split('#', 1);
  const q = beforeHash.indexOf('?');
  const rawPath = q === -1 ? beforeHash : beforeHash.slice(0, q);
  if (!rawPath.startsWith('/')) return null;
  let path = rawPath
    .split('/')
    .map(decodeSegment)
    .join('/')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/index\.php$/, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (q !== -1) {
    const query = new URLSearchParams(beforeHash.slice(q + 1));
    const name = ITEM_PARAMETERS.find((p) => (query.get(p) ?? '').trim() !== '');
    if (name) path = `${path}?${name}=${query.get(name)!.trim().toLowerCase()}`;
  }
  return path.length <= MAX_ADDRESS_CHARS && !/[\u0000-\u001f\u007f]/.test(path) ? path : null;
}

/** True when a request at the site's root names an old item (`/?p=12`), so it is looked up before home answers. */
export function namesOldItem(url: string): boolean {
  const match = /^\/(?:index\.php)?\?(.*)$/.exec(url);
  if (!match) return false;
  const query = new URLSearchParams(match[1]);
  return ITEM_PARAMETERS.some((p) => query.has(p));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
