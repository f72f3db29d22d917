/**
 * A take's pauses: why each began, at what point of the recorded time, and
 * for how long. Pure (the clock is passed in), so the arithmetic the events
 * report is tested on its own.
 */

/** Why a take paused: the person asked, or one of the interruptions the element watches for. */
export const PAUSE_REASONS = ['user', 'muted', 'ended', 'interrupted', 'hidden', 'device-lost'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** One finished pause, as `thymia-recording-stop`'s `pauses` lists it. */
export interface PauseRecord {
  readonly reason: PauseReason;
  /** Recorded seconds (pauses not counted) when it began. */
  readonly atSeconds: number;
  /** Wall-clock seconds it lasted. */
  readonly pausedSeconds: number;
}

/** The pause in progress. */
export interface OpenPause {
  readonly reason: PauseReason;
  readonly atSeconds: number;
  /** Wall clock (ms) when it began. */
  readonly since: number;
}

/** The reasons after which the microphone itself is gone: resuming needs a fresh input. */
export function needsNewInput(reason: PauseReason): boolean {
  return reason === 'ended' || reason === 'device-lost';
}

const roundCentis = (seconds: number) => Math.round(seconds * 100) / 100;

export class PauseLog {
  #done: PauseRecord[] = [];
  #open: OpenPause | undefined;

  /** Pauses carried over from an earlier page (a take restored while paused). */
  constructor(done: readonly PauseRecord[] = [], open?: OpenPause) {
    this.#done = [...done];
    this.#open = open;
  }

  get open(): OpenPause | undefined {
    return this.#open;
  }

  /** The finished pauses only. */
  get done(): readonly PauseRecord[] {
    return this.#done;
  }

  /** The finished pauses, plus the one in progress counted up to `now` (a take stopped while paused). */
  records(now: number): PauseRecord[] {
    const open = this.#open;
    return open ? [...this.#done, close(open, now)] : [...this.#done];
  }

  /** Starts a pause; false when one is already in progress (the first reason stands). */
  begin(reason: PauseReason, atSeconds: number, now: number): boolean {
    if (this.#open) return false;
    this.#open = { reason, atSeconds: roundCentis(atSeconds), since: now };
    return true;
  }

  /** Ends the pause in progress and returns it, or undefined when none was. */
  end(now: number): PauseRecord | undefined {
    const open = this.#open;
    if (!open) return undefined;
    this.#open = undefined;
    const record = close(open, now);
    this.#done.push(record);
    return record;
  }
}

function close(open: OpenPause, now: number): PauseRecord {
  return { reason: open.reason, atSeconds: open.atSeconds, pausedSeconds: roundCentis(Math.max(0, now - open.since) / 1000) };
}
