/*
 * Wrong join codes, counted per network address. The secret has 80 bits, so guessing it is hopeless anyway, but an
 * address that keeps trying is either a typo loop or someone probing: after `maxFailures` wrong tries within
 * `windowMs`, every join from that address is refused, right code or not, until `windowMs` has passed since the
 * try that tipped it over. The right code from a blocked address is refused too: were it let in, a blocked
 * guesser could go on guessing at full speed and the block would slow nothing down.
 *
 * Memory is bounded: old tries are forgotten, and past `maxAddresses` the address with the oldest try goes first
 * (a LAN has few addresses; this is for a flood of made-up ones).
 */

export interface FailedJoinLimits {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly maxAddresses?: number;
}

export const DEFAULT_FAILED_JOIN_LIMITS: FailedJoinLimits = { maxFailures: 5, windowMs: 60_000, maxAddresses: 10_000 };

interface AddressRecord {
  failures: number[];
  blockedUntil: number;
}

export class FailedJoinLimiter {
  private readonly addresses = new Map<string, AddressRecord>();

  constructor(private readonly limits: FailedJoinLimits = DEFAULT_FAILED_JOIN_LIMITS) {}

  /** Whether joins from `address` are refused at `now` (milliseconds). */
  isBlocked(address: string, now: number): boolean {
    const record = this.addresses.get(address);
    return record !== undefined && now < record.blockedUntil;
  }

  /** Counts a wrong try; returns whether the address is now blocked. */
  recordFailure(address: string, now: number): boolean {
    const record = this.addresses.get(address) ?? { failures: [], blockedUntil: 0 };
    record.failures = record.failures.filter((at) => now - at < this.limits.windowMs);
    record.failures.push(now);
    if (record.failures.length >= this.limits.maxFailures && now >= record.blockedUntil) {
      record.blockedUntil = now + this.limits.windowMs;
      record.failures = [];
    }
    // Re-inserted so the map's order is the order of the latest tries.
    this.addresses.delete(address);
    this.addresses.set(address, record);
    this.forgetOld(now);
    return this.isBlocked(address, now);
  }

  private forgetOld(now: number): void {
    for (const [address, record] of this.addresses) {
      const stale = now >= record.blockedUntil && record.failures.every((at) => now - at >= this.limits.windowMs);
      if (stale) this.addresses.delete(address);
    }
    const max = this.limits.maxAddresses ?? Number.POSITIVE_INFINITY;
    for (const address of this.addresses.keys()) {
      if (this.addresses.size <= max) break;
      this.addresses.delete(address);
    }
  }
}
