/** Helpers for the fault-injection suite: elements with storage keys, stored bytes, captured audio. */
import { waitUntil } from './wait.js';
import { keys } from 'idb-keyval';
import type { ResilienceTiming } from '../../src/api/timing.js';
import type { RecordingName } from '../../src/state/machine.js';
import { recorderDb } from '../../src/storage/database.js';
import { RecordingStore, type StoredRecording } from '../../src/storage/recording-store.js';
import { button, inspectRun, part, sha256, waitForState, type Recorder, type Session } from './element.js';

/** Short enough that every fault resolves in about a second. */
export const FAST_TIMING: Partial<ResilienceTiming> = {
  uploadRetryBaseMs: 60,
  uploadRetryMaxMs: 300,
  uploadStallMs: 1500,
  statusTimeoutMs: 800,
  statusRetryMaxMs: 400,
};

let serial = 0;
export function uniqueKey(name: string): string {
  serial += 1;
  return `fault-${name}-${Date.now().toString(36)}-${serial}`;
}

const mounted: Recorder[] = [];

/**
 * Mounts a recorder with its attributes already set, as a host page's HTML
 * would: storage-key must be in place when it connects and looks for
 * recordings to restore.
 */
export async function mountRecorder(
  attributes: Record<string, string>,
  options: { timing?: Partial<ResilienceTiming>; beforeConnect?: (el: Recorder) => void } = {},
): Promise<Recorder> {
  const el = document.createElement('thymia-recorder');
  for (const [name, value] of Object.entries({ 'poll-interval': '250', 'min-speech-seconds': '2', ...attributes })) el.setAttribute(name, value);
  el.timing = options.timing ?? FAST_TIMING;
  options.beforeConnect?.(el);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

export function staticUrls(session: Session): Record<string, string> {
  return { 'upload-url': session.recordingUploadUrl ?? '', 'status-url': session.statusUrl };
}

/** Removes every recorder mounted by this file's tests (the "tab went away"). */
export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/** Every IndexedDB key under a storage key. */
export async function storedKeys(storageKey: string): Promise<string[]> {
  return ((await keys(recorderDb())) as string[]).filter((key) => key.startsWith(`${storageKey}:`)).sort();
}

/** The stored recording, decrypted (at rest it is sealed; see src/storage/sealing.ts). */
export async function storedRecording(storageKey: string, recording: RecordingName = 'main'): Promise<StoredRecording | undefined> {
  return new RecordingStore(storageKey).load(recording);
}

export async function storedSha(storageKey: string, recording: RecordingName = 'main'): Promise<string | undefined> {
  const entry = await storedRecording(storageKey, recording);
  return entry ? sha256(new Blob([entry.bytes])) : undefined;
}

/** How many journal slices are stored for the key. */
export async function journalSlices(storageKey: string): Promise<number> {
  return (await storedKeys(storageKey)).filter((key) => key.includes(':chunk:')).length;
}

/** Resolves once nothing is stored for the key (the upload was confirmed). */
export async function storageEmpties(storageKey: string): Promise<void> {
  await waitUntil(async () => (await storedKeys(storageKey)).length === 0, `storage for ${storageKey} empties`, { timeout: 5000, interval: 50 });
}

/**
 * Resolves once the key holds exactly `expected` (a stopped take is kept a moment after its stop
 * event, and may be uploaded before it is). Fails, naming what storage held, if it never does.
 */
export async function storageHolds(storageKey: string, expected: readonly string[]): Promise<void> {
  let held: string[] = [];
  const matches = async () => {
    held = await storedKeys(storageKey);
    return held.length === expected.length && expected.every((key) => held.includes(key));
  };
  await waitUntil(matches, `storage for ${storageKey} holds ${expected.join(', ')}`, { timeout: 5000, interval: 50 }).catch(() => {
    throw new Error(`storage for ${storageKey} holds [${held.join(', ')}], not [${expected.join(', ')}]`);
  });
}

/** Seeds a stopped, unuploaded recording as an earlier page would have left it. */
export async function seedRecording(
  storageKey: string,
  recording: RecordingName,
  model: string,
  options: { bytes?: Uint8Array<ArrayBuffer>; speechSeconds?: number; ageSeconds?: number } = {},
): Promise<Blob> {
  const blob = new Blob([options.bytes ?? crypto.getRandomValues(new Uint8Array(40_000))], { type: 'audio/webm;codecs=opus' });
  await new RecordingStore(storageKey).saveTake(
    {
      recording,
      model,
      mimeType: blob.type,
      durationSeconds: 30,
      speechSeconds: options.speechSeconds ?? 25,
      createdAt: Date.now() - (options.ageSeconds ?? 60) * 1000,
    },
    blob,
  );
  return blob;
}

/**
 * Wraps MediaRecorder so the test sees every slice the browser produced:
 * the ground truth the server's bytes are compared with.
 */
export function captureRecorderOutput() {
  const Original = window.MediaRecorder;
  const chunks: Blob[] = [];
  let latest: MediaRecorder | undefined;
  class Capturing extends Original {
    constructor(stream: MediaStream, options?: MediaRecorderOptions) {
      super(stream, options);
      latest = this;
      this.addEventListener('dataavailable', (event) => {
        if (event.data.size) chunks.push(event.data);
      });
    }
  }
  window.MediaRecorder = Capturing;
  return {
    chunks,
    sha: () => sha256(new Blob(chunks)),
    /** Resolves once the latest recorder has stopped: its last slice has been delivered. */
    stopped: () =>
      new Promise<void>((resolve) => {
        if (!latest || latest.state === 'inactive') resolve();
        else latest.addEventListener('stop', () => resolve(), { once: true });
      }),
    restore: () => {
      window.MediaRecorder = Original;
    },
  };
}

/** Hands the test the microphone stream the element gets, so it can "unplug" it. */
export function captureMicrophone() {
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  const streams: MediaStream[] = [];
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    streams.push(stream);
    return stream;
  };
  return {
    streams,
    /** What an unplugged headset or a revoked permission looks like to the page. */
    unplug: () => {
      for (const track of streams.at(-1)?.getAudioTracks() ?? []) {
        track.stop();
        // track.stop() alone never fires `ended`; the browser does when the device goes.
        track.dispatchEvent(new Event('ended'));
      }
    },
    restore: () => {
      navigator.mediaDevices.getUserMedia = original;
    },
  };
}

/** Presses Record and waits until there is enough speech to submit. */
export async function recordUntilSubmittable(el: Recorder): Promise<void> {
  button(el, 'record-button').click();
  await waitForState(el, 'recording', 10_000);
  await waitUntil(() => !button(el, 'submit-button').disabled, 'enough speech to submit', { timeout: 25_000, interval: 50 });
}

/** Records until submittable, then stops: the take is final and stored. */
export async function recordAndStop(el: Recorder): Promise<void> {
  await recordUntilSubmittable(el);
  button(el, 'stop-button').click();
  await waitForState(el, 'recorded', 10_000);
}

/** The person-facing texts shown after each `thymia-upload-retry` (status line under the progress bar). */
export function retryTexts(el: Recorder): string[] {
  const texts: string[] = [];
  el.addEventListener('thymia-upload-retry', () => {
    void el.updateComplete.then(() => texts.push(el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? ''));
  });
  return texts;
}

export async function uploadedSha(runId: string, recording: RecordingName = 'main'): Promise<string | undefined> {
  return (await inspectRun(runId)).uploads[recording]?.sha256;
}

export async function taggedRuns(tag: string) {
  const response = await fetch(`/__mock/tags/${tag}`);
  return response.json() as Promise<{ id: string; uploads: Record<string, { sha256: string; size: number }>; uploadRequests: number; statusRequests: number }[]>;
}

export function errorText(el: Recorder): string {
  return part(el, 'error')?.textContent?.trim() ?? '';
}
