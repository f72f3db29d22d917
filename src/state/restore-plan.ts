/**
 * Turns recordings found in storage into what the element needs to offer
 * them back: in-memory takes, the machine's summaries and the
 * `thymia-restored` details. Pure, so the arithmetic is tested on its own.
 */
import type { RecordingName, TakeSummary } from './machine.js';
import type { Take } from './take.js';

/** What storage hands back for one step (see storage/restore.ts): a take as bytes. */
export interface FoundRecording extends Omit<Take, 'blob'> {
  readonly bytes: ArrayBuffer;
  readonly createdAt: number;
  /** The pre-signed URL that already accepted it (one step of a multi-step submission). */
  readonly uploadedTo: string | undefined;
}

/** A stored, not yet uploaded recording offered back (the `thymia-restored` detail). */
export interface RestoredDetail {
  readonly recording: RecordingName;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  readonly ageSeconds: number;
}

export interface RestorePlan {
  readonly takes: readonly Take[];
  /** Steps a pre-signed URL already accepted, by URL. */
  readonly delivered: Partial<Record<RecordingName, string>>;
  /** When the earliest restored recording started (epoch ms): the submission's `recordingTime`. */
  readonly startedAt: number;
  readonly summaries: Partial<Record<RecordingName, TakeSummary>>;
  readonly details: readonly RestoredDetail[];
}

function finite(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function planRestore(
  found: readonly FoundRecording[],
  steps: readonly RecordingName[],
  minSpeechSeconds: number,
  now: number = Date.now(),
): RestorePlan {
  const takes: Take[] = [];
  const delivered: Partial<Record<RecordingName, string>> = {};
  const summaries: Partial<Record<RecordingName, TakeSummary>> = {};
  let startedAt = now;
  const details: RestoredDetail[] = [];
  for (const step of steps) {
    const entry = found.find((candidate) => candidate.recording === step);
    if (!entry) continue;
    const durationSeconds = finite(entry.durationSeconds);
    const speechSeconds = finite(entry.speechSeconds);
    takes.push({
      recording: step,
      blob: new Blob([entry.bytes], { type: entry.mimeType }),
      mimeType: entry.mimeType,
      durationSeconds,
      speechSeconds,
    });
    if (entry.uploadedTo) delivered[step] = entry.uploadedTo;
    // Stored when it stopped: it started its own length earlier.
    startedAt = Math.min(startedAt, entry.createdAt - durationSeconds * 1000);
    summaries[step] = { durationSeconds, speechSeconds, enough: speechSeconds >= minSpeechSeconds };
    details.push({ recording: step, durationSeconds, speechSeconds, ageSeconds: Math.max(0, Math.round((now - entry.createdAt) / 1000)) });
  }
  return { takes, delivered, startedAt, summaries, details };
}
