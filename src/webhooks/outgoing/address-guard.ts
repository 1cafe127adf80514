import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../errors/app-error.js';

/**
 * Addresses a webhook may never reach unless private addresses are allowed: this machine, private
 * and carrier-grade NAT networks, link-local (cloud metadata), multicast, reserved and
 * documentation ranges, and IPv6 forms that wrap an IPv4 address (mapped, NAT64, 6to4, Teredo),
 * refused whole so no spelling of a private IPv4 address slips through.
 */
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function refused(message: string): AppError {
  return new AppError('WEBHOOK_ADDRESS_REFUSED', message, [{ field: 'url', message }]);
}

/** The URL's host as the resolver takes it: IPv6 literals lose their brackets, names their final dot. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/**
 * Checks what can be checked without the network: an http(s) URL without credentials, and,
 * when the host is an address, a public one. The parser has already turned forms such as
 * 2130706433 or 0x7f.1 into dotted addresses.
 */
export function checkWebhookUrl(value: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refused('must be a full http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused('must start with http:// or https://');
  if (url.username || url.password) throw refused('must not carry a user name or password; sign-in is by the signature');
  const host = hostOf(url);
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPublicAddress(host)))) {
    throw refused(`${host} is not a public address`);
  }
  url.hash = '';
  return url.toString();
}

/**
 * Resolves the host at delivery time and picks the address to connect to. Every address the
 * name resolves to must be public (unless allowed): the connection then goes to that checked
 * address, so a name cannot answer differently between the check and the connection.
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostOf(url);
  const found = isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  if (found.length === 0) throw new Error(`${host} does not resolve`);
  if (!allowPrivate) {
    const blocked = found.find((entry) => !isPublicAddress(entry.address));
    if (blocked) throw refused(`${host} resolves to ${blocked.address}, which is not a public address`);
  }
  const first = found[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
