/**
 * `thymia-recorder/solid`: defines `<thymia-recorder>` (like the package entry) and types it for
 * Solid's JSX (solid-js 1.x), so `tsc` checks what a component sets and what its listeners get:
 *
 * ```tsx
 * import 'thymia-recorder/solid';
 *
 * <thymia-recorder session-url="/api/session" min-speech-seconds={10}
 *   on:thymia-result={(event) => show(event.detail.results)} />
 * ```
 *
 * Solid sets a custom element's plain props as properties, its kebab-case name turned camelCase
 * (`auto-submit={false}` sets `autoSubmit`; a camelCase name would be lowercased, so it is not
 * offered), and its compiler writes a literal text or number as the attribute instead (every
 * text or number property has its kebab-case attribute): each typed as the property's type.
 * Solid's namespaces are typed too: `prop:minSpeechSeconds` (the property by its own name),
 * `attr:min-speech-seconds` (the attribute: text and numbers), and a listener per event as
 * `on:thymia-…` (addEventListener with the name as written) or `onthymia-…`.
 *
 * Hand-written declarations (copied to dist/lib by scripts/build/jsx-declarations.mjs): the build
 * has no Solid to resolve `declare module 'solid-js'` against; test/types/ checks them against Solid.
 * The import resolves to the package entry (dist/lib/index.js).
 */
import type { JSX } from 'solid-js';
import type {
  Prefixed,
  ThymiaEventHandlers,
  ThymiaRecorderAttributeValues,
  ThymiaRecorderKebabPropertyValues,
  ThymiaRecorderPropertyValues,
} from './template-types.js';
import type { ThymiaRecorder } from './thymia-recorder.js';

export * from './index.js';
export type * from './template-types.js';

/** What Solid JSX may write on `<thymia-recorder>`. */
export type ThymiaRecorderSolidAttributes = Omit<JSX.HTMLAttributes<ThymiaRecorder>, keyof ThymiaRecorderKebabPropertyValues> &
  ThymiaRecorderKebabPropertyValues &
  Prefixed<'prop:', ThymiaRecorderPropertyValues> &
  Prefixed<'attr:', ThymiaRecorderAttributeValues> &
  ThymiaEventHandlers<'on:'> &
  ThymiaEventHandlers<'on'>;

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'thymia-recorder': ThymiaRecorderSolidAttributes;
    }
  }
}
