/** Shared helpers for driving <thymia-recorder> through its parts and events. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../../src/index.js';
import type { ThymiaRecorder } from '../../src/thymia-recorder.js';
import { THYMIA_EVENT_NAMES, type ThymiaEventDetails, type ThymiaEventName } from '../../src/events.js';

export type Recorder = ThymiaRecorder;

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function button(el: Element, name: string): HTMLButtonElement {
  const found = part(el, name);
  if (!(found instanceof HTMLButtonElement)) throw new Error(`no <button part="${name}"> in state ${el.getAttribute('state')}`);
  return found;
}

/** Records every thymia-* event the element dispatches, in order. */
export function recordEvents(el: Element) {
  const events: { type: ThymiaEventName; detail: unknown }[] = [];
  for (const name of THYMIA_EVENT_NAMES) el.addEventListener(name, (event) => events.push({ type: name, detail: (event as CustomEvent).detail }));
  return {
    events,
    of<Name extends ThymiaEventName>(name: Name): ThymiaEventDetails[Name][] {
      return events.filter((event) => event.type === name).map((event) => event.detail as ThymiaEventDetails[Name]);
    },
    states(): string[] {
      return this.of('thymia-state-change').map((detail) => detail.state);
    },
  };
}

export async function waitForState(el: Recorder, state: string, timeout = 30_000): Promise<void> {
  // The message names the state when the wait gave up, not when it began.
  await waitUntil(() => el.state === state, undefined, { timeout, interval: 20 }).catch(() => {
    throw new Error(`Timeout: state ${state} (is ${el.state} after ${timeout} ms)`);
  });
  // A state's views may still be on their way (a fresh element loads them itself): wait for what the person sees.
  await el.updateComplete;
}

export function nextEvent<Name extends ThymiaEventName>(el: Element, name: Name): Promise<CustomEvent<ThymiaEventDetails[Name]>> {
  return oneEvent(el, name) as Promise<CustomEvent<ThymiaEventDetails[Name]>>;
}

/** Reads speech seconds as the element shows them to the person. */
export function shownSpeechSeconds(el: Element): number {
  return Number(part(el, 'speech-meter')?.dataset.speechSeconds ?? NaN);
}

export interface Session {
  id: string;
  statusUrl: string;
  recordingUploadUrl?: string;
  uploadUrls?: { moodQuestionUploadUrl: string; readAloudUploadUrl: string };
}

/** Creates a run on the mock host backend, as a host page would before rendering the element. */
export async function createSession(model: 'helios' | 'apollo' = 'helios', scenario: Record<string, string> = {}): Promise<Session> {
  const response = await fetch(`/api/session?${new URLSearchParams(scenario)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model }),
  });
  return response.json();
}

export async function inspectRun(id: string) {
  const response = await fetch(`/__mock/runs/${id}`);
  return response.json() as Promise<{
    uploads: Record<string, { size: number; sha256: string; contentType: string; headers: Record<string, string> }>;
    statusRequests: number;
    uploadRequests: number;
  }>;
}

export async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function recorderFor(session: Session, attributes: Record<string, string> = {}): Promise<Recorder> {
  const el = await fixture<Recorder>(html`<thymia-recorder></thymia-recorder>`);
  el.setAttribute('upload-url', session.recordingUploadUrl ?? '');
  el.setAttribute('status-url', session.statusUrl);
  el.setAttribute('poll-interval', '250');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

export { fixture, html, waitUntil };

/** Presses Record and waits until the element allows submitting (enough speech). */
export async function recordUntilEnough(el: Recorder): Promise<void> {
  button(el, 'record-button').click();
  await waitForState(el, 'recording');
  await waitUntil(() => !button(el, 'submit-button').disabled, 'enough speech', { timeout: 30_000, interval: 50 });
}

/** Records until the element allows submitting, then submits and waits for `until`. */
export async function recordAndSubmit(el: Recorder, until: string = 'processing'): Promise<void> {
  await recordUntilEnough(el);
  button(el, 'submit-button').click();
  await waitForState(el, until);
}
