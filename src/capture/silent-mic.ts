/**
 * A microphone that delivers digital silence — a muted headset, the wrong
 * input, a driver handing out zeros — records three minutes of nothing
 * unless someone notices. Any real microphone hisses: its noise floor sits
 * far above one 16-bit step (−90 dBFS). So a first couple of seconds with no
 * sample above −100 dBFS is a microphone that is not delivering sound.
 */

/** Seconds of audio to judge; short enough to say so before the person has said much. */
export const SILENT_MIC_WINDOW_SECONDS = 2;
/** −100 dBFS: under the smallest 16-bit step, so only true digital silence stays below it. */
export const DIGITAL_SILENCE_AMPLITUDE = 1e-5;

export type MicVerdict = 'listening' | 'live' | 'silent';

/**
 * Fed the analyser's frames from the start of a take; calls `onSilent` once
 * when the first `windowSeconds` held nothing but digital silence. Frames
 * after a verdict are ignored, so feeding it for the whole take costs nothing.
 */
export class SilentMicWatch {
  readonly #onSilent: () => void;
  readonly #windowSeconds: number;
  #heardSeconds = 0;
  #verdict: MicVerdict = 'listening';

  constructor(onSilent: () => void, windowSeconds = SILENT_MIC_WINDOW_SECONDS) {
    this.#onSilent = onSilent;
    this.#windowSeconds = windowSeconds;
  }

  get verdict(): MicVerdict {
    return this.#verdict;
  }

  push(samples: Float32Array, seconds: number): void {
    if (this.#verdict !== 'listening') return;
    for (let i = 0; i < samples.length; i += 1) {
      if (Math.abs(samples[i]) > DIGITAL_SILENCE_AMPLITUDE) {
        this.#verdict = 'live';
        return;
      }
    }
    this.#heardSeconds += seconds;
    if (this.#heardSeconds >= this.#windowSeconds) {
      this.#verdict = 'silent';
      this.#onSilent();
    }
  }
}
