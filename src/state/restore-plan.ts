/**
 * Turns recordings found in storage into what the element needs to offer
 * them back: in-memory takes, the machine's summaries and the
 * `thymia-restored` details. Pure, so the arithmetic is tested on its own.
 */
import type { RestoredDetail } from '../events.js';
import type { RecordingName, TakeSummary } from './machine.js';

/** What storage hands back for one step (see storage/restore.ts). */
export interface FoundRecording {
  readonly recording: RecordingName;
  readonly bytes: ArrayBuffer;
  readonly mimeType: string;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  readonly createdAt: number;
  readonly uploadedTo: string | undefined;
}

export interface RestoredTake {
  readonly recording: RecordingName;
  readonly blob: Blob;
  readonly mimeType: string;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  readonly uploadedTo: string | undefined;
}

export interface RestorePlan {
  readonly takes: readonly RestoredTake[];
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
  const takes: RestoredTake[] = [];
  const summaries: Partial<Record<RecordingName, TakeSummary>> = {};
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
      uploadedTo: entry.uploadedTo,
    });
    summaries[step] = { durationSeconds, speechSeconds, enough: speechSeconds >= minSpeechSeconds };
    details.push({ recording: step, durationSeconds, speechSeconds, ageSeconds: Math.max(0, Math.round((now - entry.createdAt) / 1000)) });
  }
  return { takes, summaries, details };
}
