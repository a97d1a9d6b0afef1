import { describe, expect, it } from 'vitest';
import {
  MINUTE_MS,
  addMinute,
  createTimer,
  describeRemaining,
  formatRemaining,
  isOver,
  isRunning,
  pause,
  remaining,
  reset,
  start,
} from '../../../../shared/domain/stage-timer';

/** A clock the test moves by hand: the timer only ever sees the readings it is given. */
function fakeClock(at = 1_000_000) {
  let now = at;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('stage timer', () => {
  it('starts paused with the whole timebox left', () => {
    const timer = createTimer(10 * MINUTE_MS);
    expect(isRunning(timer)).toBe(false);
    expect(remaining(timer, 0)).toBe(10 * MINUTE_MS);
    expect(remaining(timer, 99 * MINUTE_MS)).toBe(10 * MINUTE_MS);
  });

  it('counts down from the clock, however rarely it is read', () => {
    const clock = fakeClock();
    const timer = start(createTimer(10 * MINUTE_MS), clock.now());
    // One reading after seven minutes, as a throttled background window would give: no ticks needed.
    clock.advance(7 * MINUTE_MS + 250);
    expect(remaining(timer, clock.now())).toBe(3 * MINUTE_MS - 250);
    expect(isOver(timer, clock.now())).toBe(false);
  });

  it('pause keeps the time left; resume goes on from there', () => {
    const clock = fakeClock();
    let timer = start(createTimer(5 * MINUTE_MS), clock.now());
    clock.advance(MINUTE_MS);
    timer = pause(timer, clock.now());
    expect(isRunning(timer)).toBe(false);
    clock.advance(30 * MINUTE_MS);
    expect(remaining(timer, clock.now())).toBe(4 * MINUTE_MS);
    timer = start(timer, clock.now());
    clock.advance(MINUTE_MS / 2);
    expect(remaining(timer, clock.now())).toBe(3.5 * MINUTE_MS);
  });

  it('start and pause twice change nothing', () => {
    const clock = fakeClock();
    const running = start(createTimer(MINUTE_MS), clock.now());
    clock.advance(1000);
    expect(start(running, clock.now())).toBe(running);
    const paused = createTimer(MINUTE_MS);
    expect(pause(paused, clock.now())).toBe(paused);
  });

  it('stops at zero and says the time is up', () => {
    const clock = fakeClock();
    const timer = start(createTimer(MINUTE_MS), clock.now());
    clock.advance(MINUTE_MS - 1);
    expect(isOver(timer, clock.now())).toBe(false);
    clock.advance(1);
    expect(isOver(timer, clock.now())).toBe(true);
    clock.advance(10 * MINUTE_MS);
    expect(remaining(timer, clock.now())).toBe(0);
    // A timer whose time is up does not start again.
    const over = pause(timer, clock.now());
    expect(start(over, clock.now())).toBe(over);
  });

  it('adds a minute to the time left, paused or running', () => {
    const clock = fakeClock();
    const paused = addMinute(createTimer(2 * MINUTE_MS), clock.now());
    expect(remaining(paused, clock.now())).toBe(3 * MINUTE_MS);
    let running = start(createTimer(2 * MINUTE_MS), clock.now());
    clock.advance(30_000);
    running = addMinute(running, clock.now());
    expect(isRunning(running)).toBe(true);
    expect(remaining(running, clock.now())).toBe(2.5 * MINUTE_MS);
    clock.advance(30_000);
    expect(remaining(running, clock.now())).toBe(2 * MINUTE_MS);
  });

  it('a minute added after zero counts from now, not from when the time ran out', () => {
    const clock = fakeClock();
    let timer = start(createTimer(MINUTE_MS), clock.now());
    clock.advance(5 * MINUTE_MS);
    timer = addMinute(timer, clock.now());
    expect(remaining(timer, clock.now())).toBe(MINUTE_MS);
    expect(isRunning(timer)).toBe(true);
    clock.advance(20_000);
    expect(remaining(timer, clock.now())).toBe(40_000);
    // Paused past zero, then a minute: a minute left.
    let paused = start(createTimer(MINUTE_MS), clock.now());
    clock.advance(3 * MINUTE_MS);
    paused = pause(paused, clock.now());
    expect(remaining(addMinute(paused, clock.now()), clock.now())).toBe(MINUTE_MS);
  });

  it('reset gives a paused timer with the whole timebox', () => {
    expect(reset(3 * MINUTE_MS)).toEqual({ durationMs: 3 * MINUTE_MS, startedAt: null, elapsedBeforeMs: 0 });
  });

  it('a clock set back counts as no time passing', () => {
    const timer = start(createTimer(MINUTE_MS), 10_000);
    expect(remaining(timer, 5_000)).toBe(MINUTE_MS);
  });

  it('odd durations become zero rather than NaN', () => {
    expect(remaining(createTimer(-5), 0)).toBe(0);
    expect(remaining(createTimer(Number.NaN), 0)).toBe(0);
  });

  it('formats the time left as mm:ss, partial seconds rounded up', () => {
    expect(formatRemaining(20 * MINUTE_MS)).toBe('20:00');
    expect(formatRemaining(59_200)).toBe('01:00');
    expect(formatRemaining(59_000)).toBe('00:59');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(-10)).toBe('00:00');
    expect(formatRemaining(125 * MINUTE_MS)).toBe('125:00');
  });

  it('describes the time left in words', () => {
    expect(describeRemaining(0)).toBe("Time's up");
    expect(describeRemaining(MINUTE_MS)).toBe('1 minute left');
    expect(describeRemaining(65_000)).toBe('1 minute 5 seconds left');
    expect(describeRemaining(1_000)).toBe('1 second left');
    expect(describeRemaining(10 * MINUTE_MS + 30_000)).toBe('10 minutes 30 seconds left');
  });
});
