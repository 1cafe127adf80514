/** Image types the media library takes, by file extension. */
export const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|svg)$/i;

/**
 * The name under which an uploaded image is known: the path below `wp-content/uploads` (or the
 * whole path on hosts that serve uploads at the root, as WordPress.com does), lower-case. Null
 * for anything that is not an image address.
 */
export function mediaKey(address: string): string | null {
  const url = parseUrl(address);
  if (!url) return null;
  let path = decodePath(photonPath(url) ?? url.pathname);
  const uploads = /\/(?:wp-content\/uploads|wp-content\/blogs\.dir\/\d+\/files|files)\/(.+)$/.exec(path);
  path = uploads ? uploads[1]! : path.replace(/^\/+/, '');
  return IMAGE_FILE.test(path) ? path.toLowerCase() : null;
}

/**
 * The key of the original a resized copy was made from: without the size WordPress adds
 * (`photo-300x200.jpg`) or the marks of scaled, rotated and edited originals.
 */
export function originalKey(key: string): string {
  return key.replace(/-\d{1,5}x\d{1,5}(\.[a-z]+)$/, '$1').replace(/-(?:scaled|rotated|e\d{10,13})(\.[a-z]+)$/, '$1');
}

/** The host and path an address names, through Jetpack's image CDN (`i0.wp.com/example.com/…`). */
export function sourceOf(address: string): { host: string; path: string } | null {
  const url = parseUrl(address);
  if (!url) return null;
  const photon = photonPath(url);
  if (photon) {
    const [, host = '', rest = ''] = /^\/([^/]+)(\/.*)?$/.exec(url.pathname) ?? [];
    return { host: host.toLowerCase(), path: rest };
  }
  return { host: url.hostname.toLowerCase(), path: url.pathname };
}

function photonPath(url: URL): string | null {
  if (!/^i\d\.wp\.com$/i.test(url.hostname)) return null;
  return url.pathname.replace(/^\/[^/]+/, '');
}

function parseUrl(address: string): URL | null {
  try {
    const url = new URL(address.trim().replace(/^\/\//, 'https://'));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
