/**
 * The names render modules already import. The catalogues live in
 * `catalogues/` (English in the main bundle, the others loaded with
 * import()), the translator in `translate.ts`, the language choice in
 * `languages.ts`, the loader in `catalogues.ts`, `Intl` formatting in
 * `intl.ts`.
 */
import type { MessageId } from './catalogues/en.js';

export type { Catalogue, MessageId } from './catalogues/en.js';
export type { Translate, MessageValues, MessageOverrides } from './translate.js';
/** The former name of `MessageId`. */
export type MessageKey = MessageId;
export { formatClock } from './intl.js';
