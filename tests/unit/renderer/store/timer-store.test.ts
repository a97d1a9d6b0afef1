import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE_MS } from '../../../../shared/domain/stage-timer';
import { useUi } from '../../../../renderer/src/store/ui-store';
import {
  addTimerMinute,
  followStage,
  resetTimer,
  selectRemaining,
  selectRunning,
  setTimerClock,
  toggleTimer,
  useTimer,
} from '../../../../renderer/src/store/timer-store';

/*
 * The stage timer's store over an injected clock: the ticks only decide when the clock is read, so a clock that
 * jumps (a throttled background window) still gives the right time at the next read.
 */

let now = 0;
const left = () => selectRemaining(useTimer.getState());

beforeEach(() => {
  vi.useFakeTimers();
  now = 1_000_000;
  setTimerClock(() => now);
  followStage(null, 0);
  followStage('1:stage-a', 10 * MINUTE_MS);
  useUi.setState({ notice: null });
});

afterEach(() => {
  if (selectRunning(useTimer.getState())) toggleTimer();
  vi.useRealTimers();
});

/** Moves the injected clock and lets one tick run. */
function pass(ms: number): void {
  now += ms;
  vi.advanceTimersByTime(250);
}

describe('timer store', () => {
  it('holds the stage timebox, paused, and counts from the clock once started', () => {
    expect(left()).toBe(10 * MINUTE_MS);
    toggleTimer();
    expect(selectRunning(useTimer.getState())).toBe(true);
    // One read after four minutes, however few ticks ran in between.
    pass(4 * MINUTE_MS);
    expect(left()).toBe(6 * MINUTE_MS);
    toggleTimer();
    pass(5 * MINUTE_MS);
    expect(left()).toBe(6 * MINUTE_MS);
  });

  it('announces one minute left and the end once each, not every second', () => {
    toggleTimer();
    pass(9 * MINUTE_MS - 1000);
    expect(useUi.getState().notice).toBeNull();
    pass(1000);
    expect(useUi.getState().notice?.text).toBe('One minute left for this stage.');
    const id = useUi.getState().notice?.id;
    pass(30_000);
    expect(useUi.getState().notice?.id).toBe(id);
    pass(30_000);
    expect(left()).toBe(0);
    expect(useUi.getState().notice?.text).toBe("Time's up for this stage.");
  });

  it('another stage resets to its timebox; a new timebox for the same stage moves the time left', () => {
    toggleTimer();
    pass(2 * MINUTE_MS);
    followStage('1:stage-a', 15 * MINUTE_MS);
    expect(left()).toBe(13 * MINUTE_MS);
    expect(selectRunning(useTimer.getState())).toBe(true);
    followStage('1:stage-b', 5 * MINUTE_MS);
    expect(left()).toBe(5 * MINUTE_MS);
    expect(selectRunning(useTimer.getState())).toBe(false);
  });

  it('adds a minute and resets to the timebox', () => {
    addTimerMinute();
    expect(left()).toBe(11 * MINUTE_MS);
    resetTimer();
    expect(left()).toBe(10 * MINUTE_MS);
  });
});
