/**
 * `thymia-recorder/vue`: defines `<thymia-recorder>` (like the package entry)
 * and types it for Vue templates, so `vue-tsc` and Volar check
 * `@thymia-result="(event) => event.detail.results"` and
 * `:min-speech-seconds="10"`. Vue renders the element itself; the host's
 * Vite config still names it a custom element
 * (`isCustomElement: (tag) => tag === 'thymia-recorder'`).
 *
 * This follows Vue's guide for non-Vue web components: `$props` and `$emit`
 * exist only in the types, for template checking; the element has neither.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { ThymiaEventMap } from './events.js';
import type { ThymiaRecorderProperties } from './template-types.js';
import type { ThymiaRecorder } from './thymia-recorder.js';

export * from './index.js';
export type { ThymiaRecorderProperties } from './template-types.js';

/** Vue's view of a custom element: the element instance plus template-only prop and event types. */
export type VueCustomElement<Element extends HTMLElement, Events extends Record<string, Event>, Properties extends keyof Element> = new () => Element & {
  /** @deprecated Template type checking only: the element has no `$props`. */
  $props: HTMLAttributes & Partial<Pick<Element, Properties>> & PublicProps;
  /** @deprecated Template type checking only: the element has no `$emit`. */
  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'thymia-recorder': VueCustomElement<ThymiaRecorder, ThymiaEventMap, ThymiaRecorderProperties>;
  }
}
