/**
 * `thymia-recorder/preact`: defines `<thymia-recorder>` (like the package entry) and types it for
 * Preact's JSX (Preact 10 and 11), so `tsc` checks what a component sets and what its listeners get:
 *
 * ```tsx
 * import 'thymia-recorder/preact';
 *
 * <thymia-recorder session-url="/api/session" minSpeechSeconds={10}
 *   onthymia-result={(event) => show(event.detail.results)} />
 * ```
 *
 * Preact sets a prop as a property when the element has it (a defined custom element does), else
 * as an attribute: properties by their camelCase name (objects such as `strings` arrive intact),
 * attributes by their kebab-case name (text and numbers; booleans as properties), and a listener
 * per event as `onthymia-…` (Preact adds `on` + the rest as the event name, case kept).
 *
 * Hand-written declarations (copied to dist/lib by scripts/build/jsx-declarations.mjs): the build
 * has no Preact to resolve `declare module 'preact'` against; test/types/ checks them against Preact.
 * The import resolves to the package entry (dist/lib/index.js).
 */
import type { HTMLAttributes } from 'preact';
import type { ThymiaEventHandlers, ThymiaRecorderAttributeValues, ThymiaRecorderPropertyValues } from './template-types.js';
import type { ThymiaRecorder } from './thymia-recorder.js';

export * from './index.js';
export type * from './template-types.js';

/** What Preact JSX may write on `<thymia-recorder>`. */
export type ThymiaRecorderPreactAttributes = Omit<
  HTMLAttributes<ThymiaRecorder>,
  keyof ThymiaRecorderPropertyValues | keyof ThymiaRecorderAttributeValues
> &
  ThymiaRecorderPropertyValues &
  ThymiaRecorderAttributeValues &
  ThymiaEventHandlers<'on'>;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'thymia-recorder': ThymiaRecorderPreactAttributes;
    }
  }
}
