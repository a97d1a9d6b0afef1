import { describe, expect, it } from 'vitest';
import { FailedJoinLimiter } from '../../../../electron/live/failed-join-limiter';
import { MessageRateLimit } from '../../../../electron/live/message-rate-limit';
import { isWildcardAddress, lanAddresses } from '../../../../electron/live/network-addresses';

/* The host's limits, with the clock in the test's hands, and where a host may listen. */

describe('FailedJoinLimiter', () => {
  it('blocks an address for the window after five wrong tries within it, and only that address', () => {
    const limiter = new FailedJoinLimiter({ maxFailures: 5, windowMs: 60_000 });
    for (let i = 0; i < 4; i += 1) expect(limiter.recordFailure('10.0.0.9', 1_000 + i)).toBe(false);
    expect(limiter.isBlocked('10.0.0.9', 1_004)).toBe(false);
    expect(limiter.recordFailure('10.0.0.9', 2_000)).toBe(true);
    expect(limiter.isBlocked('10.0.0.9', 2_000 + 59_999)).toBe(true);
    expect(limiter.isBlocked('10.0.0.10', 2_001)).toBe(false);
    expect(limiter.isBlocked('10.0.0.9', 2_000 + 60_000)).toBe(false);
  });

  it('forgets wrong tries older than the window', () => {
    const limiter = new FailedJoinLimiter({ maxFailures: 5, windowMs: 60_000 });
    for (let i = 0; i < 4; i += 1) limiter.recordFailure('10.0.0.9', i * 1_000);
    expect(limiter.recordFailure('10.0.0.9', 70_000)).toBe(false);
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = new FailedJoinLimiter({ maxFailures: 2, windowMs: 60_000, maxAddresses: 100 });
    for (let i = 0; i < 1000; i += 1) limiter.recordFailure(`10.0.${i >> 8}.${i & 255}`, 5);
    const internals = limiter as unknown as { addresses: Map<string, unknown> };
    expect(internals.addresses.size).toBeLessThanOrEqual(100);
  });
});

describe('MessageRateLimit', () => {
  it('allows a burst, then the sustained rate', () => {
    const limit = new MessageRateLimit({ burst: 50, perSecond: 20 }, 0);
    for (let i = 0; i < 50; i += 1) expect(limit.take(0)).toBe(true);
    expect(limit.take(0)).toBe(false);
    // 20 a second come back: one every 50 ms.
    expect(limit.take(49)).toBe(false);
    expect(limit.take(51)).toBe(true);
    let allowed = 0;
    for (let t = 1_000; t < 11_000; t += 10) if (limit.take(t)) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(199);
    expect(allowed).toBeLessThanOrEqual(221);
  });

  it('never banks more than the burst, and a clock going back gives nothing', () => {
    const limit = new MessageRateLimit({ burst: 3, perSecond: 20 }, 0);
    let allowed = 0;
    for (let i = 0; i < 10; i += 1) if (limit.take(1_000_000)) allowed += 1;
    expect(allowed).toBe(3);
    expect(limit.take(0)).toBe(false);
  });
});

describe('network addresses', () => {
  it('lists the LAN addresses, IPv4 first, without loopback or link-local', () => {
    const found = lanAddresses({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: null }],
      wlan0: [
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff::', mac: 'aa:bb:cc:dd:ee:ff', cidr: null, scopeid: 2 },
        { address: '2001:db8::5', family: 'IPv6', internal: false, netmask: 'ffff::', mac: 'aa:bb:cc:dd:ee:ff', cidr: null, scopeid: 0 },
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: 'aa:bb:cc:dd:ee:ff', cidr: null },
      ],
    });
    expect(found.map((a) => a.address)).toEqual(['192.168.1.20', '2001:db8::5']);
    expect(isWildcardAddress('0.0.0.0')).toBe(true);
    expect(isWildcardAddress('::')).toBe(true);
    expect(isWildcardAddress('192.168.1.20')).toBe(false);
  });
});
