import { ThymiaRecorder } from './thymia-recorder.js';

export const TAG_NAME = 'thymia-recorder';

/** Defines the tag once: a page that loads the script twice (two tags, two URLs) must not throw. */
export function defineThymiaRecorder(): void {
  if (typeof customElements !== 'undefined' && !customElements.get(TAG_NAME)) customElements.define(TAG_NAME, ThymiaRecorder);
}
