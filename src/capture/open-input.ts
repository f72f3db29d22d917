import { closeAudioContext, createAudioContext, loadSpeechWorklet } from './audio-context.js';
import { requestMicrophone, stopStream } from './microphone.js';

/** A microphone and an audio graph being opened: begun inside the click, awaited after. */
export interface InputOpening {
  readonly stream: Promise<MediaStream>;
  readonly context: AudioContext | undefined;
  /** Resolves false when the speech analysis must run on the page (see `loadSpeechWorklet`). */
  readonly workletLoaded: Promise<boolean>;
}

/**
 * Asks for the microphone and makes the AudioContext synchronously: iOS
 * grants either only inside the user gesture, so call it before any await.
 */
export function openInput(deviceId: string | undefined, verifyWorklet: (url: URL) => Promise<boolean>): InputOpening {
  const stream = requestMicrophone(deviceId);
  const context = createAudioContext();
  return { stream, context, workletLoaded: loadSpeechWorklet(context, verifyWorklet) };
}

/** Lets an opening go (refused, failed, or released while the prompt was open). */
export function abandonInput({ stream, context }: InputOpening): void {
  void closeAudioContext(context);
  void stream.then(stopStream, () => undefined);
}
