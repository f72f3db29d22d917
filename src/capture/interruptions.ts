/**
 * Everything that can take the microphone away from a running take without
 * the person pressing anything: a call or Siri muting the track, another app
 * or a revoked permission ending it, the audio session interrupted (Safari's
 * `interrupted`, a context suspended by the system), the page hidden (screen
 * locked, another app or tab in front, the page frozen), or the chosen input
 * unplugged. Each is reported once as a pause reason; the caller decides what
 * to do, and nothing here ever resumes: an `unmute` or the page shown again
 * says nothing about whether the person is ready to speak.
 */
import type { PauseReason } from '../state/pauses.js';

export type InterruptionReason = Exclude<PauseReason, 'user'>;

export interface InterruptionSources {
  readonly track: MediaStreamTrack;
  /** The analyser's context: it leaves `running` when the system takes the audio session. */
  readonly context?: AudioContext;
  readonly mediaDevices?: MediaDevices;
  readonly document?: Document;
  readonly window?: Window;
}

/** Watches for interruptions until the returned cleanup runs (before the element closes its own context). */
export function watchInterruptions(sources: InterruptionSources, onInterrupt: (reason: InterruptionReason) => void): () => void {
  const { track, context, mediaDevices = globalThis.navigator?.mediaDevices } = sources;
  const doc = sources.document ?? globalThis.document;
  const win = sources.window ?? globalThis.window;
  const cleanups: (() => void)[] = [];
  const on = (target: EventTarget | undefined, type: string, listener: () => void) => {
    if (!target) return;
    target.addEventListener(type, listener);
    cleanups.push(() => target.removeEventListener(type, listener));
  };

  // The handler properties, not addEventListener: Firefox ESR calls only `onmute` for a dispatched
  // `mute` (a test's, a polyfill's). The track is the element's own, so no one else's handler is replaced.
  track.onmute = () => onInterrupt('muted');
  track.onended = () => onInterrupt('ended');
  cleanups.push(() => {
    track.onmute = null;
    track.onended = null;
  });

  if (context) {
    // Only a context that was running and left it: one still starting (autoplay policy) is not an interruption.
    let wasRunning = context.state === 'running';
    on(context, 'statechange', () => {
      const state: string = context.state;
      if (state === 'running') wasRunning = true;
      else if (wasRunning) onInterrupt('interrupted');
    });
  }

  const hidden = () => {
    if (doc?.visibilityState === 'hidden') onInterrupt('hidden');
  };
  on(doc, 'visibilitychange', hidden);
  // Page lifecycle: a frozen page runs no timers or callbacks; pagehide comes before bfcache or unload.
  on(doc, 'freeze', () => onInterrupt('hidden'));
  on(win, 'pagehide', () => onInterrupt('hidden'));

  // The input the track reads from: `deviceId` as the browser reports it (may be absent in old engines).
  const deviceId = track.getSettings?.().deviceId;
  if (deviceId && typeof mediaDevices?.enumerateDevices === 'function') {
    let watching = true;
    cleanups.push(() => (watching = false));
    on(mediaDevices, 'devicechange', () => {
      void mediaDevices.enumerateDevices().then(
        (devices) => {
          const inputs = devices.filter((device) => device.kind === 'audioinput');
          // An empty or id-less list (no permission, privacy mode) says nothing about our input.
          if (!watching || !inputs.some((device) => device.deviceId)) return;
          if (!inputs.some((device) => device.deviceId === deviceId)) onInterrupt('device-lost');
        },
        () => undefined,
      );
    });
  }

  return () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
}
