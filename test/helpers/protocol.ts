/** Helpers for the Apollo, call and hand-off element tests. */
import { fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { Recorder } from './element.js';

/** Serves `bodies` from the mock's scripted status route, one per poll, repeating the last. */
export async function scriptStatus(...bodies: unknown[]): Promise<string> {
  const response = await fetch('/__mock/script', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ responses: bodies.map((body) => ({ body })) }),
  });
  const { statusUrl } = (await response.json()) as { statusUrl: string };
  return statusUrl;
}

/** An element built from attributes (set before connecting, as markup would). */
export async function recorderWith(attributes: Record<string, string>): Promise<Recorder> {
  const el = document.createElement('thymia-recorder');
  el.setAttribute('poll-interval', '250');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await el.updateComplete;
  return el;
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export function texts(el: Element, selector: string): string[] {
  return [...shadow(el).querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
}
