import '../styles/stage-bar.css';
import { Pause, Play, RotateCcw } from 'lucide-react';
import { memo } from 'react';
import { describeRemaining, formatRemaining } from '@shared/domain/stage-timer';
import { useLiveSession } from '../commands/live-session';
import { addTimerMinute, resetTimer, selectRemaining, selectRunning, toggleTimer, useTimer } from '../store/timer-store';

/**
 * The countdown for the current stage, in the stage bar. Its state lives in the timer store, so it survives
 * switching views and hiding the bar. The digits are a `timer` (not a live region: a screen reader is told at one
 * minute left and at zero, by the store, not every second). At zero: the danger colour, "Time's up" in words and a
 * gentle pulse (none under prefers-reduced-motion); no sound.
 */
export const StageTimer = memo(function StageTimer() {
  // The display only re-renders when the shown second changes, though the store ticks four times a second.
  const digits = useTimer((s) => formatRemaining(selectRemaining(s)));
  const spoken = useTimer((s) => describeRemaining(selectRemaining(s)));
  const over = useTimer((s) => selectRemaining(s) === 0);
  const running = useTimer(selectRunning);
  // On a participant's laptop in a live session the timer is the facilitator's: shown, not run from here.
  const mirrored = useLiveSession((s) => (s.status.state === 'live' || s.status.state === 'offline') && s.status.side === 'participant');
  return (
    <div className={`stage-timer${over ? ' is-over' : ''}${running ? ' is-running' : ''}`}>
      <div className="stage-timer__readout">
        <span role="timer" aria-label="Stage time left" aria-describedby="stage-timer-words" className="stage-timer__digits">
          {digits}
        </span>
        {/* The state in words as well as colour: "Time's up" shows; otherwise it is for assistive technology only. */}
        <span id="stage-timer-words" className={over ? 'stage-timer__over' : 'visually-hidden'}>
          {spoken}
        </span>
      </div>
      {mirrored ? (
        <span className="stage-timer__owner">Facilitator’s timer</span>
      ) : (
      <div className="stage-timer__controls">
        <button
          type="button"
          className="stage-button stage-button--primary"
          // At zero there is nothing left to start: a minute must be added first.
          disabled={over && !running}
          onClick={toggleTimer}
          title={running ? 'Pause the timer' : 'Start the timer'}
        >
          {running ? <Pause size={16} aria-hidden="true" /> : <Play size={16} aria-hidden="true" />}
          <span className="stage-button__label">{running ? 'Pause' : 'Start'}</span>
        </button>
        <button type="button" className="stage-button" aria-label="Add a minute" title="Add a minute" onClick={addTimerMinute}>
          +1 min
        </button>
        <button type="button" className="stage-button stage-button--icon" aria-label="Reset timer" title="Reset to the stage's timebox" onClick={resetTimer}>
          <RotateCcw size={16} aria-hidden="true" />
        </button>
      </div>
      )}
    </div>
  );
});
