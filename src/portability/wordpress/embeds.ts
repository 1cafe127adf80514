/**
 * Embedded media by address, as WordPress's oEmbed turns a URL into a player. Masthead bodies
 * play YouTube and Vimeo (the hosts the body sanitizer allows); anything else stays a link.
 */

/** The player address for a YouTube or Vimeo page address, or null for anything else. */
export function playerUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|music)\./, '');
  const videoId = (value: string | null | undefined) => (value && /^[\w-]{6,20}$/.test(value) ? value : null);
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = videoId(url.searchParams.get('v')) ?? videoId(/^\/(?:embed|shorts|live|v)\/([\w-]+)/.exec(url.pathname)?.[1]);
    return id ? `https://www.youtube-nocookie.com/embed/${id}` : null;
  }
  if (host === 'youtu.be') {
    const id = videoId(url.pathname.slice(1));
    return id ? `https://www.youtube-nocookie.com/embed/${id}` : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = /\/(\d{5,12})(?:\/|$)/.exec(url.pathname)?.[1];
    return id ? `https://player.vimeo.com/video/${id}` : null;
  }
  return null;
}

/** A name for the service behind an address, for the report: `twitter.com`, `soundcloud.com`. */
export function providerOf(address: string): string {
  try {
    return new URL(address).hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  } catch {
    return 'an unknown address';
  }
}

/** A URL alone on its line in classic content, which WordPress shows as an embed. */
export const LONE_URL = /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim;
