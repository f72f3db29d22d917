/**
 * The speech analysis on the audio thread: an AudioWorklet module, loaded
 * from its own file next to the code that loads it (`speech-worklet.js`), so
 * a strict CSP's `script-src 'self'` allows it (no blob: or data:). The page
 * only receives a snapshot five times a second, and the audio clock
 * keeps it running in a background tab.
 *
 * The build bundles this file on its own (no imports left, see
 * scripts/build/bundle-worklet.mjs): a worklet's scope has no DOM, and chunks
 * shared with the page might touch one.
 */
import { SpeechAnalysis } from './speech-analysis.js';
import type { AnalysisSnapshot } from './speech-analysis.js';
import { SPEECH_PROCESSOR_NAME, type AnalysisMessage, type SpeechProcessorSettings, type WorkletSnapshot } from './worklet-protocol.js';

// The AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare const AudioWorkletProcessor: { prototype: object; new (options?: SpeechProcessorOptions): { readonly port: MessagePort } };
declare function registerProcessor(name: string, processor: new (options?: SpeechProcessorOptions) => object): void;

interface SpeechProcessorOptions {
  readonly processorOptions?: SpeechProcessorSettings;
}

const RENDER_QUANTUM_OF_SILENCE = new Float32Array(128);

class SpeechProcessor extends AudioWorkletProcessor {
  readonly #analysis = new SpeechAnalysis(sampleRate);
  #open = true;

  constructor(options?: SpeechProcessorOptions) {
    super(options);
    this.#analysis.counting = options?.processorOptions?.counting ?? false;
    this.port.onmessage = (event: MessageEvent<AnalysisMessage>) => {
      const message = event.data;
      if (message.type === 'counting') this.#analysis.counting = message.counting;
      else if (message.type === 'snapshot') this.#post(this.#analysis.snapshot(), true);
      else if (message.type === 'close') this.#open = false;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    // An input carrying silence may arrive with no channels at all (Firefox): it is still time heard, as zeros.
    const samples = inputs[0]?.[0] ?? RENDER_QUANTUM_OF_SILENCE;
    const due = this.#analysis.push(samples);
    if (due) this.#post(due, false);
    // Returning false lets the graph drop the node once the page is done with it.
    return this.#open;
  }

  #post(snapshot: AnalysisSnapshot, asked: boolean): void {
    const reply: WorkletSnapshot = { ...snapshot, asked };
    this.port.postMessage(reply);
  }
}

registerProcessor(SPEECH_PROCESSOR_NAME, SpeechProcessor);
