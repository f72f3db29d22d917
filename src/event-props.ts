/**
 * Framework prop names for the element's events: `thymia-upload-progress` →
 * `onThymiaUploadProgress`, the spelling React wrappers and Vue's template
 * compiler (`@thymia-upload-progress` becomes the `onThymiaUploadProgress`
 * prop) both use. Derived from the list of names, never listed again, so a new
 * event gets its prop without touching the wrappers.
 */
import type { ThymiaEventName } from './events.js';

type Pascal<Words extends string> = Words extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<Words>;

/** `'thymia-result'` → `'onThymiaResult'`, at the type level. */
export type EventPropName<Name extends string> = `on${Pascal<Name>}`;

/** `'thymia-result'` → `'onThymiaResult'`. */
export function eventPropName<Name extends string>(name: Name): EventPropName<Name> {
  const pascal = name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `on${pascal}` as EventPropName<Name>;
}

/** Prop name → event name for every name given, e.g. `{ onThymiaResult: 'thymia-result' }`. */
export function eventProps<const Names extends readonly ThymiaEventName[]>(
  names: Names,
): { readonly [Name in Names[number] as EventPropName<Name>]: Name } {
  return Object.fromEntries(names.map((name) => [eventPropName(name), name])) as {
    readonly [Name in Names[number] as EventPropName<Name>]: Name;
  };
}
