/** What the page and the speech worklet say to each other (its snapshots are `AnalysisSnapshot`s). */

export const SPEECH_PROCESSOR_NAME = 'thymia-speech-analysis';

/** `processorOptions` of the worklet node. */
export interface SpeechProcessorSettings {
  /** Count from the first sample (an offline render has no time to be told). */
  readonly counting?: boolean;
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
