import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/client-key.js';

describe('the key rate limits count a client by', () => {
  it('is an IPv4 address itself, also when written as IPv6', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(clientKey('203.0.113.8')).not.toBe(clientKey('203.0.113.7'));
  });

  it('is the /64 of an IPv6 address, however the address is written', () => {
    const key = clientKey('2001:db8:1:2::a');
    expect(key).toBe('2001:db8:1:2::/64');
    for (const same of ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0000:0000:0000:000B', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::a%eth0']) {
      expect(clientKey(same), same).toBe(key);
    }
    for (const other of ['2001:db8:1:3::a', '2001:db8:2:2::a', '2001:db9:1:2::a']) {
      expect(clientKey(other), other).not.toBe(key);
    }
    expect(clientKey('::1')).toBe('::/64');
  });

  it('leaves anything that is not an address as it is', () => {
    expect(clientKey('')).toBe('');
    expect(clientKey('unknown')).toBe('unknown');
  });
});
