/*
 * How many messages one connection may send: a token bucket, so a burst (a paste of ten pain points, a reconnect
 * that sends its queue) is fine while a steady flood is not. Every message takes a token; tokens come back at
 * `perSecond` up to `burst`. A connection that finds the bucket empty is closed by the server: a participant's app
 * never gets there (see RECOMMENDED_CLIENT_FLUSH_DELAY_MS in live-messages.ts), so one that does is broken or
 * hostile, and closing it is what keeps the host responsive for everyone else.
 */

export interface MessageRateLimits {
  /** Messages that may arrive at once. */
  readonly burst: number;
  /** Messages a second, sustained. */
  readonly perSecond: number;
}

/**
 * The defaults. A participant's app batching with the provider's `flushDelay` of 50 ms sends at most 20 document
 * messages and 20 presence messages a second: 40, within 50 a second sustained.
 */
export const DEFAULT_MESSAGE_RATE_LIMITS: MessageRateLimits = { burst: 100, perSecond: 50 };

export class MessageRateLimit {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limits: MessageRateLimits,
    now: number,
  ) {
    this.tokens = limits.burst;
    this.updatedAt = now;
  }

  /** Takes a token for one message at `now` (milliseconds); false when there is none left. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.limits.burst, this.tokens + (elapsed / 1000) * this.limits.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
