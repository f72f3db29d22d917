/**
 * Types shared by the framework template declarations (`thymia-recorder/vue`, `/svelte`,
 * `/preact`, `/solid`): what a template may set on `<thymia-recorder>` and what each event
 * listener receives. Derived from the element class and the event map, so they cannot drift from
 * the element (the manifest holds the same facts as text, without the details' types).
 */
import type { LitElement } from 'lit';
import type { ThymiaEvent, ThymiaEventName } from './events.js';
import type { ThymiaRecorder } from './thymia-recorder.js';

type Method = (...args: never[]) => unknown;
type OwnKey = Exclude<keyof ThymiaRecorder, keyof LitElement | 'state'>;

/** The element's own settable properties (its attributes and object-valued properties), not Lit's or HTMLElement's. */
export type ThymiaRecorderProperties = {
  [Key in OwnKey]: ThymiaRecorder[Key] extends Method ? never : Key;
}[OwnKey];

/** `minSpeechSeconds` → `min-speech-seconds`. */
export type KebabCase<Text extends string> = Text extends `${infer Head}${infer Tail}`
  ? Tail extends Uncapitalize<Tail>
    ? `${Lowercase<Head>}${KebabCase<Tail>}`
    : `${Lowercase<Head>}-${KebabCase<Tail>}`
  : Text;

/** Properties a template may set: each as the element's own type (`minSpeechSeconds={true}` is an error). */
export type ThymiaRecorderPropertyValues = Partial<Pick<ThymiaRecorder, ThymiaRecorderProperties>>;

/**
 * The same properties under their kebab-case names (`min-speech-seconds`), each still as the
 * property's own type: Solid sets a custom element's `min-speech-seconds={10}` as its
 * `minSpeechSeconds` property (it lowercases a camelCase name, so only this spelling works there).
 */
export type ThymiaRecorderKebabPropertyValues = {
  [Key in ThymiaRecorderProperties as KebabCase<Key>]?: ThymiaRecorder[Key];
};

/** Every key behind a namespace: `Prefixed<'prop:', { a?: 1 }>` is `{ 'prop:a'?: 1 }` (Solid's `prop:`, `attr:`). */
export type Prefixed<Prefix extends string, Values> = {
  [Key in keyof Values as Key extends string ? `${Prefix}${Key}` : never]: Values[Key];
};

/** The text form of a property's type: its string and number members (none for objects and booleans). */
type TextForm<Value> = [Extract<Value, boolean>] extends [never] ? Extract<Value, string | number> : never;

/**
 * Attributes (`min-speech-seconds`, `status-adapter`) for the properties that have a text form:
 * strings and numbers, as their property's type or as text. Boolean attributes are left out: a
 * framework writes `false` as the text "false", which an HTML boolean attribute reads as present
 * (true); set the property (`autoSubmit={false}`) instead.
 */
export type ThymiaRecorderAttributeValues = {
  [Key in ThymiaRecorderProperties as [TextForm<ThymiaRecorder[Key]>] extends [never] ? never : KebabCase<Key>]?:
    | TextForm<ThymiaRecorder[Key]>
    | `${TextForm<ThymiaRecorder[Key]>}`
    | null;
};

/** One listener per event, named `${Prefix}${event name}` (`onthymia-result`), receiving that event typed. */
export type ThymiaEventHandlers<Prefix extends string> = {
  [Name in ThymiaEventName as `${Prefix}${Name}`]?: ((event: ThymiaEvent<Name>) => void) | null;
};
