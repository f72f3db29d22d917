import { en, type Catalogue, type MessageId } from './catalogues/en.js';
import { numberFormat } from './intl.js';

/** Values for a message's `{name}` placeholders; numbers are written the way the UI language writes them. */
export type MessageValues = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageId, values?: MessageValues) => string;

/** The host's own wording for any string, by id (the element's `strings` property). */
export type MessageOverrides = Partial<Record<MessageId, string>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A `t(id, values?)` over one catalogue, with the host's overrides winning
 * string by string. `locale` (the element's BCP 47 `lang`) writes numeric
 * values with `Intl.NumberFormat`; without it numbers are written as
 * `String()` does. A placeholder with no value is left as it is, so a
 * missing value shows up in review instead of vanishing.
 */
export function createTranslator(catalogue: Catalogue, overrides: MessageOverrides = {}, locale?: string): Translate {
  const numbers = locale ? numberFormat(locale, { maximumFractionDigits: 2 }) : undefined;
  const write = (value: string | number) => (typeof value === 'number' && numbers ? numbers.format(value) : String(value));
  return (key, values) => {
    // Own properties only, and only strings: `strings` comes from the host page at run time, untyped.
    const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    const template = typeof override === 'string' ? override : (catalogue[key] ?? en[key] ?? key);
    if (!values) return template;
    return template.replace(PLACEHOLDER, (match, name: string) => (Object.hasOwn(values, name) ? write(values[name]) : match));
  };
}
