/** What the page and the speech worklet say to each other. */
import type { AnalysisSnapshot } from './speech-analysis.js';

export const SPEECH_PROCESSOR_NAME = 'thymia-speech-analysis';

/** `processorOptions` of the worklet node. */
export interface SpeechProcessorSettings {
  /** Count from the first sample (an offline render has no time to be told). */
  readonly counting?: boolean;
}

/** A snapshot from the worklet: `asked` when it answers a `snapshot` request (a flush), not the regular beat. */
export interface WorkletSnapshot extends AnalysisSnapshot {
  readonly asked: boolean;
}

export type AnalysisMessage =
  | { readonly type: 'counting'; readonly counting: boolean }
  /** Post a snapshot now (the take stops: its final count). */
  | { readonly type: 'snapshot' }
  | { readonly type: 'close' };

/**
 * The worklet module, beside the module that loads it: `dist/speech-worklet.js`
 * next to the bundle's chunks, `dist/lib/capture/speech-worklet.js` in the
 * package. Written as a literal `new URL(…, import.meta.url)` so that a host's
 * bundler (Vite, webpack) copies the file along.
 */
export function speechWorkletUrl(): URL {
  return new URL('./speech-worklet.js', import.meta.url);
}

