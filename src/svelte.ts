/**
 * `thymia-recorder/svelte`: defines `<thymia-recorder>` (like the package entry) and types it for
 * Svelte 5 templates, so `svelte-check` checks what a template sets and what its listeners get:
 *
 * ```svelte
 * <script lang="ts">
 *   import 'thymia-recorder/svelte';
 * </script>
 * <thymia-recorder sessionUrl="/api/session" minSpeechSeconds={10}
 *   onthymia-result={(event) => show(event.detail.results)} />
 * ```
 *
 * Properties by their camelCase name (Svelte sets a defined custom element's properties, so
 * objects such as `strings` arrive intact), attributes by their kebab-case name (text and
 * numbers; booleans as properties), listeners as `onthymia-…` (Svelte 5) or `on:thymia-…`
 * (Svelte 4 syntax).
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { ThymiaEventHandlers, ThymiaRecorderAttributeValues, ThymiaRecorderPropertyValues } from './template-types.js';
import type { ThymiaRecorder } from './thymia-recorder.js';

export * from './index.js';
export type * from './template-types.js';

/** What a Svelte template may write on `<thymia-recorder>`. */
export type ThymiaRecorderSvelteAttributes = Omit<
  HTMLAttributes<ThymiaRecorder>,
  keyof ThymiaRecorderPropertyValues | keyof ThymiaRecorderAttributeValues
> &
  ThymiaRecorderPropertyValues &
  ThymiaRecorderAttributeValues &
  ThymiaEventHandlers<'on'> &
  ThymiaEventHandlers<'on:'>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'thymia-recorder': ThymiaRecorderSvelteAttributes;
  }
}
