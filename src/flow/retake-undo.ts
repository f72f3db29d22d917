/**
 * A retake discards a finished take. Rather than ask first, the flow keeps
 * the discarded take in memory and offers to undo, until the person starts
 * recording again (or resets): one tap to retake, one tap to change their mind.
 */
import type { QualityReport } from '../capture/quality.js';
import type { MachineState, RecordingName } from '../state/machine.js';
import type { Take } from '../state/take.js';

export interface DiscardedTake {
  readonly take: Take;
  readonly quality: QualityReport | undefined;
  /** The pre-signed URL that already holds it, if one does. */
  readonly delivered: string | undefined;
  /** The screen the retake left (the review), restored as it was. */
  readonly machine: MachineState;
}

/**
 * What undoing a retake of `step` would need, or undefined when there is
 * nothing worth undoing: only a finished take on the review can come back
 * (a paused take's recorder is released by the retake).
 */
export function discardedTake(
  machine: MachineState,
  step: RecordingName,
  takes: ReadonlyMap<RecordingName, Take>,
  quality: ReadonlyMap<RecordingName, QualityReport>,
  delivered: ReadonlyMap<RecordingName, string>,
): DiscardedTake | undefined {
  const take = takes.get(step);
  const phase = machine.phase;
  if (!take || phase.name !== 'recorded' || !phase.final) return undefined;
  return { take, quality: quality.get(step), delivered: delivered.get(step), machine };
}
