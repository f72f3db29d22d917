/**
 * What the microphone really delivered while a take was being recorded: the
 * measure an upload's decoded length is held to.
 *
 * A fake microphone starved of CPU (a busy 2-core CI machine) delivers less
 * audio than the wall clock shows (seen: 1 s short of 4.2 s in Chromium), so
 * an upload held to the take's `durationSeconds` needs a tolerance wide enough
 * to hide a lost part or a pause in the file. Instead the test records the
 * same microphone itself, with a MediaRecorder of its own per stretch of the
 * take: both are sinks of one track, so they get the same audio, starved or
 * not, and the test's recordings, decoded, are what the upload should hold.
 *
 * A stretch starts when the element's recorder starts or resumes after the
 * person pressed Record or Resume (the element's own recorder: a resume on a
 * fresh microphone records before `thymia-recording-resume` is dispatched),
 * or at `thymia-recording-start` / `thymia-recording-resume` if no recorder
 * did. It ends at `thymia-recording-pause` (dispatched as the element pauses)
 * or when the test presses Stop. The element's own pause and stop calls are
 * not watched: a take whose recorder runs through a pause, or that loses a
 * part, holds more or less than the stretches. (A length cannot tell a pause
 * inside a part that the join then cuts to its recorded seconds: that part
 * is as long as it should be, its last words traded for the pause.)
 */
import { expect } from '@open-wc/testing';
import { fragmentSettleMs, negotiateMimeType } from '../../src/capture/mime.js';
import { decodedSeconds, sleep } from './media.js';

interface Stretch {
  readonly recorder: MediaRecorder;
  readonly blob: Promise<Blob>;
  readonly startedAt: number;
  endedAt?: number;
}

/** One stretch as measured: the test's recording decoded, and the stretch's length by the clock. */
export interface MeasuredStretch {
  readonly decoded: number;
  readonly wall: number;
}

/** What the microphone delivered over a take (see `measure`). */
export interface Delivered {
  readonly seconds: number;
  readonly runOnSeconds: number;
  readonly stretches: readonly MeasuredStretch[];
}

/** The stretches as a log line shows them: decoded seconds of clock seconds each. */
export function describeDelivered({ seconds, stretches }: Delivered): string {
  return `${seconds.toFixed(2)} s (${stretches.map((s) => `${s.decoded.toFixed(2)} of ${s.wall.toFixed(2)} s`).join(', ')})`;
}

/** The upload's decoded seconds hold what the microphone delivered while the take ran: no more (a pause), no less (a lost part). */
export function expectDelivered(uploadSeconds: number, delivered: Delivered, message: string): void {
  expect(uploadSeconds, message).to.be.within(
    delivered.seconds - DELIVERED_TOLERANCE_SECONDS,
    delivered.seconds + delivered.runOnSeconds + DELIVERED_TOLERANCE_SECONDS,
  );
}

/** The buttons that start a take's recording: Record, Resume, and Continue after a take stopped too early. */
const STARTS = ['record-button', 'resume-button', 'continue-button'];

/** The browser's own MediaRecorder, taken before any test wraps it (captureRecorderOutput): the test's recordings are not the element's. */
const NativeRecorder = window.MediaRecorder;

/** Decoded length and clock length agree to this: Chromium's Opus packets are 60 ms, a recorder starts and stops within a few ms. */
export const DELIVERED_TOLERANCE_SECONDS = 0.25;

/** Follows the takes of the elements given to `follow`, from now until `restore`. */
export function deliveredAudio() {
  const Original = window.MediaRecorder;
  const mimeType = negotiateMimeType((type) => NativeRecorder.isTypeSupported(type));
  const stretches: Stretch[] = [];
  let open: Stretch | undefined;
  /** Record or Resume was pressed since the last pause: a recorder starting now records the take. */
  let armed = false;
  /** The stream the element's latest recorder records. */
  let elementStream: MediaStream | undefined;

  function start(stream: MediaStream | undefined): void {
    if (open) return;
    if (!stream) throw new Error('delivered audio: no element recorder to follow');
    // An MP4 recorder runs on after the stretch (see end()), and WebKit's loses its whole file when the track stops under it,
    // as the element stops its own once its part is in: that one records a clone of the track, stopped with it.
    const clone = fragmentSettleMs(mimeType ?? '') > 0;
    const source = clone ? new MediaStream(stream.getAudioTracks().map((track) => track.clone())) : stream;
    const recorder = new NativeRecorder(source, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    recorder.addEventListener('dataavailable', (event) => event.data.size && chunks.push(event.data));
    const blob = new Promise<Blob>((resolve) => {
      const done = () => {
        if (clone) for (const track of source.getTracks()) track.stop();
        resolve(new Blob(chunks, { type: recorder.mimeType || mimeType }));
      };
      recorder.addEventListener('stop', done, { once: true });
      recorder.addEventListener('error', done, { once: true });
    });
    recorder.start();
    open = { recorder, blob, startedAt: performance.now() };
    stretches.push(open);
  }

  function end(): void {
    armed = false;
    const stretch = open;
    open = undefined;
    if (!stretch) return;
    stretch.endedAt = performance.now();
    const stop = () => stretch.recorder.state !== 'inactive' && stretch.recorder.stop();
    // MP4 (WebKit) is written in fragments and the one in progress may be lost on stop: the element's recorder runs on
    // to finish it (see fragmentSettleMs), and so does this one. What it records meanwhile is cut off when measured.
    const settleMs = fragmentSettleMs(stretch.recorder.mimeType || mimeType || '');
    if (settleMs) void sleep(settleMs).then(stop);
    else stop();
  }

  /** The element's recorders, so a stretch starts as the take's recording does. */
  class Watched extends Original {
    override start(timeslice?: number): void {
      super.start(timeslice);
      elementStream = this.stream;
      if (armed) start(this.stream);
    }
    override resume(): void {
      super.resume();
      if (armed) start(this.stream);
    }
  }
  window.MediaRecorder = Watched;

  const listeners: [EventTarget, string, (event: Event) => void][] = [];
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void, capture = false) => {
    target.addEventListener(type, listener, capture);
    listeners.push([target, type, listener]);
  };
  return {
    /** Follows an element's take: before Record is pressed, or before Resume on a take restored paused. */
    follow(el: EventTarget): void {
      listen(
        el,
        'click',
        (event) => {
          const parts = event.composedPath().map((target) => (target instanceof Element ? (target.getAttribute('part') ?? '') : ''));
          if (parts.some((part) => part.split(/\s+/).some((name) => STARTS.includes(name)))) armed = true;
        },
        true,
      );
      listen(el, 'thymia-recording-start', () => start(elementStream));
      listen(el, 'thymia-recording-resume', () => start(elementStream));
      listen(el, 'thymia-recording-pause', end);
    },
    /** The take stops: call just before Stop is pressed. */
    end,
    /**
     * Seconds of audio the microphone delivered over the take's stretches, each decoded as the upload is and cut to
     * the stretch's length: what an MP4 recorder ran on for after it is not the take's (the element cuts each part of
     * a take in several parts to its recorded seconds when joining them, see join-parts.ts). A take in one part is
     * uploaded as its recorder made it: up to `runOnSeconds` more, what its last fragment held (WebKit: 0–1.25 s).
     * At most `recordedSeconds`, the take's own time (`durationSeconds`): the stretches' clock can run past the
     * element's (seen once in WebKit: a stretch 0.95 s longer than the element's part), and the cap only ever lowers
     * what the upload is held to, so a pause in the file still shows.
     */
    async measure(recordedSeconds = Infinity): Promise<Delivered> {
      end();
      const measured: MeasuredStretch[] = [];
      // Measured once: the next take (Apollo's second recording) starts from nothing.
      for (const stretch of stretches.splice(0)) {
        const blob = await stretch.blob;
        const decoded = blob.size ? await decodedSeconds(blob) : 0;
        measured.push({ decoded, wall: (stretch.endedAt! - stretch.startedAt) / 1000 });
      }
      const seconds = Math.min(recordedSeconds, measured.reduce((total, { decoded, wall }) => total + Math.min(decoded, wall), 0));
      const runOnSeconds = measured.length === 1 ? fragmentSettleMs(mimeType ?? '') / 1000 : 0;
      return { seconds, runOnSeconds, stretches: measured };
    },
    /** Undoes the wrapping: before undoing any wrapper made earlier (captureRecorderOutput). */
    restore(): void {
      window.MediaRecorder = Original;
      for (const [target, type, listener] of listeners.splice(0)) {
        target.removeEventListener(type, listener, true);
        target.removeEventListener(type, listener, false);
      }
      for (const stretch of stretches.splice(0)) if (stretch.recorder.state !== 'inactive') stretch.recorder.stop();
      open = undefined;
    },
  };
}
