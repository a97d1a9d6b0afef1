/*
 * The stage timer: a countdown kept as timestamps, never as a count of ticks. A browser throttles timers in a
 * background window (to once a minute in Chromium after five minutes hidden), so a countdown that subtracts a
 * second per tick falls behind; one that subtracts the start time from the clock is right whenever it is read.
 * Every function is pure and takes the clock reading (`now`, in milliseconds) as an argument.
 */

/** A countdown. Running while `startedAt` is set; the time run so far is `elapsedBeforeMs` plus `now - startedAt`. */
export interface StageTimer {
  /** The timebox, plus any minutes added. */
  readonly durationMs: number;
  /** The clock reading when it was last started, or null while paused. */
  readonly startedAt: number | null;
  /** Time run before the last start (the sum of the earlier runs between pauses). */
  readonly elapsedBeforeMs: number;
}

export const MINUTE_MS = 60_000;

/** A paused timer with the whole duration left. Negative or non-finite durations count as zero. */
export function createTimer(durationMs: number): StageTimer {
  return { durationMs: Number.isFinite(durationMs) ? Math.max(0, durationMs) : 0, startedAt: null, elapsedBeforeMs: 0 };
}

/** Whether the timer is running. */
export function isRunning(timer: StageTimer): boolean {
  return timer.startedAt !== null;
}

/**
 * The time run so far. A clock that went backwards (a wall clock set back) counts as no time passing rather
 * than as time given back.
 */
export function elapsed(timer: StageTimer, now: number): number {
  return timer.elapsedBeforeMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

/** The time left, never below zero. */
export function remaining(timer: StageTimer, now: number): number {
  return Math.max(0, timer.durationMs - elapsed(timer, now));
}

/** Whether the time is up. */
export function isOver(timer: StageTimer, now: number): boolean {
  return remaining(timer, now) === 0;
}

/** Starts (or resumes) the timer. Starting a running timer or one whose time is up changes nothing. */
export function start(timer: StageTimer, now: number): StageTimer {
  if (isRunning(timer) || isOver(timer, now)) return timer;
  return { ...timer, startedAt: now };
}

/** Pauses the timer, keeping the time left. Pausing a paused timer changes nothing. */
export function pause(timer: StageTimer, now: number): StageTimer {
  if (timer.startedAt === null) return timer;
  // Capped at the duration: a timer that ran past zero is paused at zero, so adding a minute gives a minute.
  return { ...timer, startedAt: null, elapsedBeforeMs: Math.min(timer.durationMs, elapsed(timer, now)) };
}

/**
 * Adds a minute to the time left. After zero, the minute counts from now, not from when the time ran out: a
 * running timer that hit zero long ago still shows 1:00 afterwards (and keeps running).
 */
export function addMinute(timer: StageTimer, now: number): StageTimer {
  const run = Math.min(timer.durationMs, elapsed(timer, now));
  const restarted = timer.startedAt === null ? timer : { ...timer, startedAt: now, elapsedBeforeMs: run };
  return { ...restarted, durationMs: timer.durationMs + MINUTE_MS };
}

/** A paused timer with the whole of the given duration (the stage's timebox) left. */
export function reset(durationMs: number): StageTimer {
  return createTimer(durationMs);
}

/** The time left as the timer shows it, "mm:ss" (minutes may pass 99), partial seconds rounded up: 59.2 s is "01:00". */
export function formatRemaining(ms: number): string {
  // Rounding up: the display says 0:00 only when the time is really up, the moment the cue appears.
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The time left in words, for screen readers and the tooltip: "4 minutes 5 seconds left", "Time's up". */
export function describeRemaining(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
  if (totalSeconds === 0) return "Time's up";
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    ...(minutes > 0 ? [`${minutes} minute${minutes === 1 ? '' : 's'}`] : []),
    ...(seconds > 0 ? [`${seconds} second${seconds === 1 ? '' : 's'}`] : []),
  ];
  return `${parts.join(' ')} left`;
}
