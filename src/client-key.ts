import ipaddr from 'ipaddr.js';

/**
 * Who a rate limit counts a request against, from its client address (request.ip, which follows
 * X-Forwarded-For only from TRUST_PROXY). An IPv4 address counts as itself, also when written as
 * IPv6 (::ffff:203.0.113.7). An IPv6 address counts as its /64: a home or a server is given a
 * whole /64 and can send from any of its 2^64 addresses, so counting single addresses would let
 * one client take a fresh limit for every request.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...network, 0, 0, 0, 0]).toString()}/64`;
}
