import type { Take } from '../state/take.js';
import type { InterruptionReason } from './interruptions.js';

export interface CaptureCallbacks {
  /** The recording reached `maxSeconds`. */
  readonly onMaxReached: () => void;
  /**
   * Something took the microphone away (see interruptions.ts): a muted or
   * ended track, the audio session interrupted, the page hidden, the input
   * unplugged. Reported while a take is held (running or paused), never resumed here.
   */
  readonly onInterrupted: (reason: InterruptionReason) => void;
  /** A timeslice of audio arrived (for crash-safe storage); `part` numbers the take's recorders from 0. */
  readonly onChunk?: (chunk: Blob, part: number) => void;
  /** The first seconds of the take were digital silence: a muted or wrong microphone. */
  readonly onMicSilent?: () => void;
}

/** A finished take, before the flow names the recording it belongs to. */
export type CaptureResult = Omit<Take, 'recording'>;

/** What the element sets on its capture controller; the take reads it when it needs it. */
export interface CaptureSettings {
  readonly maxSeconds: number;
  /** The microphone the person chose; undefined for the browser's default. */
  readonly deviceId: string | undefined;
  /** MediaRecorder bitrate (`audio-bits-per-second`). */
  readonly audioBitsPerSecond: number;
}

/** A part of the take recorded on an input that is gone (or by an earlier page): joined to the rest before upload. */
export interface TakePart {
  readonly blob: Blob;
  /** Recorded seconds the part stands for; the file may hold more (an MP4 recorder runs on to finish its fragment), trimmed when joined. */
  readonly seconds: number;
}
