/**
 * English: the source of truth. Every id a catalogue must have is a key
 * here (`MessageId`), and every other language `satisfies` a record of
 * them, so a missing or extra string is a type error.
 *
 * English comes in two parts so a Helios page's first load carries only
 * what it shows before Record: `en-core.ts` is in the main bundle, and
 * `en-rest.ts` loads with this module (import()) when it is needed. Other
 * languages are whole, and load with import() when used.
 */
import { enCore } from './en-core.js';
import { enRest } from './en-rest.js';

export const en = { ...enCore, ...enRest };

/** The id of every string the person may see. */
export type MessageId = keyof typeof en;

/** One language's strings, complete. */
export type Catalogue = Readonly<Record<MessageId, string>>;

/** The strings a catalogue may lack until the rest of English arrives (English's first part only has `en-core.ts`). */
export type PartialCatalogue = Readonly<Partial<Record<MessageId, string>>>;
