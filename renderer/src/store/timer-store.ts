import { create } from 'zustand';
import * as stageTimer from '@shared/domain/stage-timer';
import { MINUTE_MS, type StageTimer } from '@shared/domain/stage-timer';
import { currentStageOf, selectAgenda } from './agenda-selectors';
import { useEditor } from './editor-store';
import { announce } from './ui-store';

/*
 * The stage timer's state: transient (never saved, never an undo step) and kept here rather than in a component,
 * so it keeps counting while the stage bar is hidden or another view shows. The time left is always computed from
 * the timer's timestamps (shared/domain/stage-timer.ts); the tick below only says when to look at the clock again,
 * so a background window whose timers Chromium throttles still shows the right time the moment it is looked at.
 */

export interface TimerState {
  readonly timer: StageTimer;
  /** The workspace session and stage whose timebox the timer holds: another one resets it. */
  readonly stageKey: string | null;
  /** The current stage's timebox, in milliseconds. */
  readonly timeboxMs: number;
  /** The clock at the last tick (or action): what the display shows the time left at. */
  readonly now: number;
}

/** How often a running timer looks at the clock: often enough that the seconds never visibly skip. */
const TICK_MS = 250;

let clock: () => number = () => Date.now();

/**
 * Sets the clock the timer reads (tests). Date.now by default: the wall clock keeps counting while a laptop
 * sleeps, as the room's time does; a clock set back counts as no time passing (stage-timer.ts).
 */
export function setTimerClock(next: () => number): void {
  clock = next;
}

export const useTimer = create<TimerState>()(() => ({ timer: stageTimer.createTimer(0), stageKey: null, timeboxMs: 0, now: clock() }));

/** The time left as of the last tick. */
export const selectRemaining = (s: TimerState): number => stageTimer.remaining(s.timer, s.now);
export const selectRunning = (s: TimerState): boolean => stageTimer.isRunning(s.timer);

let interval: ReturnType<typeof setInterval> | null = null;

/** Reads the clock, and says so when one minute is left and when the time is up (not every second: role timer is not live). */
function tick(): void {
  const before = useTimer.getState();
  const now = clock();
  const was = selectRemaining(before);
  const left = stageTimer.remaining(before.timer, now);
  useTimer.setState({ now });
  if (stageTimer.isRunning(before.timer)) {
    if (was > MINUTE_MS && left <= MINUTE_MS && left > 0) announce('One minute left for this stage.');
    if (was > 0 && left === 0) announce("Time's up for this stage.");
  }
  syncTicking();
}

/** Ticks while the timer runs and has time left; at zero nothing changes any more, so nothing needs to run. */
function syncTicking(): void {
  const { timer, now } = useTimer.getState();
  const needed = stageTimer.isRunning(timer) && !stageTimer.isOver(timer, now);
  if (needed && interval === null) interval = setInterval(tick, TICK_MS);
  if (!needed && interval !== null) {
    clearInterval(interval);
    interval = null;
  }
}

function update(change: (timer: StageTimer, now: number) => StageTimer): void {
  const now = clock();
  useTimer.setState((s) => ({ timer: change(s.timer, now), now }));
  syncTicking();
}

export function startTimer(): void {
  update(stageTimer.start);
}

export function pauseTimer(): void {
  update(stageTimer.pause);
}

/** Start or Pause, whichever the timer's one button says. */
export function toggleTimer(): void {
  if (stageTimer.isRunning(useTimer.getState().timer)) pauseTimer();
  else startTimer();
}

export function addTimerMinute(): void {
  update(stageTimer.addMinute);
}

/** Back to the whole of the current stage's timebox, paused. */
export function resetTimer(): void {
  const { timeboxMs } = useTimer.getState();
  update(() => stageTimer.reset(timeboxMs));
}

/** The timer as it stands now, for the other windows of a live session (what is left, and whether it runs). */
export function timerSnapshot(): { durationMs: number; remainingMs: number; running: boolean } {
  const { timer } = useTimer.getState();
  const now = clock();
  return { durationMs: timer.durationMs, remainingMs: stageTimer.remaining(timer, now), running: stageTimer.isRunning(timer) };
}

/**
 * Shows the facilitator's timer on a participant's laptop: the time left as sent, counting down on this clock from
 * when it arrived (the two machines' clocks need not agree).
 */
export function mirrorTimer(snapshot: { durationMs: number; remainingMs: number; running: boolean }): void {
  const now = clock();
  const elapsedBeforeMs = Math.max(0, snapshot.durationMs - snapshot.remainingMs);
  useTimer.setState({ timer: { durationMs: snapshot.durationMs, startedAt: snapshot.running ? now : null, elapsedBeforeMs }, now });
  syncTicking();
}

/**
 * Follows the current stage: another stage (or another workspace) resets the timer to its timebox; a new timebox
 * for the same stage moves the time left by the difference, so changing 10 minutes to 15 mid-stage gives five
 * more minutes without losing the time already run.
 */
export function followStage(stageKey: string | null, timeboxMs: number): void {
  const s = useTimer.getState();
  if (s.stageKey === stageKey && s.timeboxMs === timeboxMs) return;
  const now = clock();
  if (s.stageKey !== stageKey) {
    useTimer.setState({ stageKey, timeboxMs, timer: stageTimer.reset(timeboxMs), now });
  } else {
    const durationMs = Math.max(0, s.timer.durationMs + timeboxMs - s.timeboxMs);
    useTimer.setState({ timeboxMs, timer: { ...s.timer, durationMs }, now });
  }
  syncTicking();
}

function followEditor(state: ReturnType<typeof useEditor.getState>): void {
  const sessionId = state.workspace?.sessionId;
  const current = currentStageOf(selectAgenda(state));
  if (sessionId === undefined || !current) followStage(null, 0);
  else followStage(`${sessionId}:${current.stage.id}`, current.stage.minutes * MINUTE_MS);
}

// The store follows the editor itself, so the timer is right whether or not the stage bar is on screen.
useEditor.subscribe(followEditor);
followEditor(useEditor.getState());

// A window coming back to the front reads the clock at once, rather than at the next (throttled) tick.
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') tick();
  });
}
