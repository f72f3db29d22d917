/** What each thymia model asks of a session: its recordings, in order, and the minimum speech per recording. */
import type { RecordingName } from '../state/machine.js';

export const RECORDER_MODELS = ['helios', 'apollo'] as const;
export type RecorderModel = (typeof RECORDER_MODELS)[number];

export const STEPS: Readonly<Record<RecorderModel, readonly RecordingName[]>> = {
  helios: ['main'],
  apollo: ['moodQuestion', 'readAloud'],
};

/** thymia rejects shorter recordings (`ERR_RECORDING_TOO_SHORT`): 10 s for Helios, 15 s per Apollo recording. */
export const DEFAULT_MIN_SPEECH_SECONDS: Readonly<Record<RecorderModel, number>> = { helios: 10, apollo: 15 };

/** thymia's limit is 3 minutes. */
export const DEFAULT_MAX_SECONDS = 180;
export const DEFAULT_POLL_INTERVAL_MS = 3000;
/** Mono Opus keeps the whole speech band at 64 kb/s: half the bytes of Chromium's default. */
export const DEFAULT_AUDIO_BITS_PER_SECOND = 64_000;
/** A host's 0 or 10 ms would hammer its own backend. */
export const MIN_POLL_INTERVAL_MS = 100;

/** The element property holding each recording's static upload URL. */
export const UPLOAD_URL_PROPERTY = {
  main: 'uploadUrl',
  moodQuestion: 'moodQuestionUploadUrl',
  readAloud: 'readAloudUploadUrl',
} as const satisfies Record<RecordingName, string>;

export function stepsFor(model: string): readonly RecordingName[] {
  return STEPS[model as RecorderModel] ?? STEPS.helios;
}

export function minSpeechFor(model: string, hostValue: number | undefined): number {
  if (typeof hostValue === 'number' && Number.isFinite(hostValue) && hostValue >= 0) return hostValue;
  return DEFAULT_MIN_SPEECH_SECONDS[model as RecorderModel] ?? DEFAULT_MIN_SPEECH_SECONDS.helios;
}
