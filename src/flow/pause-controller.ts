/**
 * Pausing and resuming a take: by the person (`pause-button`) or because
 * something took the microphone away (see capture/interruptions.ts). The
 * take's timer and speech count stop, the audio so far stays (in memory and
 * in storage), the element says why, and only the person resumes it: into
 * the same file, on the same microphone or, once that is gone, another.
 *
 * The flow owns the machine and the events; this keeps the take's pause log
 * and turns pause and resume into machine events, capture calls and
 * `thymia-recording-pause` / `thymia-recording-resume`.
 */
import type { CaptureController } from '../capture/capture-controller.js';
import type { PausedMarker } from '../storage/chunk-journal.js';
import type { ThymiaEventDetails, ThymiaEventName } from '../events.js';
import { currentStep, type MachineEvent, type MachineState } from '../state/machine.js';
import { PauseLog, needsNewInput, type PauseReason, type PauseRecord } from '../state/pauses.js';

export interface PauseHost {
  readonly machine: () => MachineState;
  readonly apply: (event: MachineEvent) => boolean;
  readonly emit: <Name extends ThymiaEventName>(name: Name, detail: ThymiaEventDetails[Name]) => void;
  readonly capture: CaptureController;
  /** Resume could not open a microphone (none left, permission withdrawn): said, and the take stays paused. */
  readonly onResumeFailed: (error: unknown) => void;
  /** The paused take changed (paused, resumed): storage keeps where it stands (undefined: running), so a reload brings it back paused. */
  readonly keep?: (marker: Omit<PausedMarker, 'createdAt'> | undefined) => void;
  readonly now?: () => number;
}

export class PauseFlow {
  readonly #host: PauseHost;
  #log = new PauseLog();
  #resuming: Promise<void> | undefined;

  constructor(host: PauseHost) {
    this.#host = host;
  }

  get #now(): number {
    return this.#host.now?.() ?? Date.now();
  }

  /** The pause in progress, if the take is paused. */
  get reason(): PauseReason | undefined {
    const phase = this.#host.machine().phase;
    return phase.name === 'recording' ? phase.paused : undefined;
  }

  /** Every pause of the take so far (the one in progress counted up to now): `pauses` of `thymia-recording-stop`. */
  records(): PauseRecord[] {
    return this.#log.records(this.#now);
  }

  /** A new take (or one restored from storage with its pauses so far). */
  reset(done: readonly PauseRecord[] = [], open?: { reason: PauseReason; atSeconds: number }): void {
    this.#log = new PauseLog(done, open && { ...open, since: this.#now });
  }

  /** Pauses the running take; false when there is none, or it is already paused (the first reason stands). */
  pause(reason: PauseReason): boolean {
    const { capture } = this.#host;
    const machine = this.#host.machine();
    if (machine.phase.name !== 'recording' || machine.phase.paused || !capture.active) return false;
    capture.pause();
    const atSeconds = capture.elapsedSeconds;
    this.#log.begin(reason, atSeconds, this.#now);
    // The microphone itself is gone: close its part now, so storage holds it and Resume opens a fresh input.
    if (needsNewInput(reason)) void capture.closePart();
    this.#host.apply({ type: 'pause', reason });
    this.#host.emit('thymia-recording-pause', { recording: currentStep(machine), reason, atSeconds: this.#log.open!.atSeconds });
    void this.#keep();
    return true;
  }

  /**
   * An interruption while the take is already paused: nothing to pause, but a
   * lost input still closes its part (storage keeps it; Resume opens another).
   */
  interrupted(reason: PauseReason): void {
    if (this.pause(reason)) return;
    if (this.reason && needsNewInput(reason)) void this.#host.capture.closePart();
  }

  /** Carries the paused take on. Call from the click: a fresh microphone may be needed. */
  resume(): Promise<void> {
    this.#resuming ??= this.#resume().finally(() => (this.#resuming = undefined));
    return this.#resuming;
  }

  async #resume(): Promise<void> {
    if (!this.reason) return;
    const { capture } = this.#host;
    try {
      await capture.resume();
    } catch (error) {
      this.#host.onResumeFailed(error);
      return;
    }
    // Stopped (or reset) while the microphone opened.
    if (!this.reason) return;
    const closed = this.#log.end(this.#now);
    const machine = this.#host.machine();
    this.#host.apply({ type: 'resume' });
    if (closed) this.#host.emit('thymia-recording-resume', { recording: currentStep(machine), atSeconds: closed.atSeconds, pausedSeconds: closed.pausedSeconds });
    void this.#keep();
  }

  /** Where the take stands, with its pauses and counts, for storage. */
  async #keep(): Promise<void> {
    const { capture, keep } = this.#host;
    if (!keep) return;
    if (!this.reason) {
      keep(undefined);
      return;
    }
    // A part closing (its input gone) still adds its speech.
    await capture.settled();
    const open = this.#log.open;
    if (!open || !this.reason) return;
    const { elapsedSeconds: durationSeconds, speechSeconds, partSeconds } = capture;
    keep({ reason: open.reason, atSeconds: open.atSeconds, pauses: this.#log.done, durationSeconds, speechSeconds, partSeconds });
  }

  /** The take stops (Stop, the limit): a pause in progress ends with it. */
  settle(): void {
    this.#log.end(this.#now);
  }
}
