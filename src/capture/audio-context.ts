import { speechWorkletUrl } from './worklet-protocol.js';

/**
 * Made inside the click handler, before any await: iOS only starts audio
 * within a user gesture. The analyser that reads it arrives later, with the
 * rest of the capture engine.
 */
export function createAudioContext(): AudioContext | undefined {
  const AudioContextClass: typeof AudioContext | undefined =
    globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  try {
    return AudioContextClass ? new AudioContextClass() : undefined;
  } catch {
    // No audio graph (very old or locked-down browsers): recording still works, the meter stays still.
    return undefined;
  }
}

export function closeAudioContext(context: AudioContext | undefined): Promise<void> {
  return context && context.state !== 'closed' ? context.close().catch(() => undefined) : Promise.resolve();
}

/**
 * Starts loading the speech worklet into `context`, in the click handler:
 * it arrives while the permission prompt is open. Resolves false when the
 * analysis must run on the page instead (no AudioWorklet, the file refused,
 * or `verify` finding its bytes not the ones the build made).
 */
export function loadSpeechWorklet(context: AudioContext | undefined, verify?: (url: URL) => Promise<boolean>): Promise<boolean> {
  // No AudioWorklet (older browsers, insecure pages): undefined, so false.
  const worklet = context?.audioWorklet;
  if (!worklet) return Promise.resolve(false);
  const url = speechWorkletUrl();
  return Promise.resolve(verify ? verify(url) : true)
    .then((verified) => verified && worklet.addModule(url).then(() => true))
    .catch(() => false);
}
