import { enCore } from './catalogues/en-core.js';
import type { MessageId, PartialCatalogue } from './catalogues/en.js';
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
 *
 * A string that neither the catalogue nor English's first part holds yet
 * (the rest of English is still on its way) is empty for now and reported
 * to `onMissing`, which fetches it and renders again.
 */
export function createTranslator(
  catalogue: PartialCatalogue,
  overrides: MessageOverrides = {},
  locale?: string,
  onMissing?: (key: MessageId) => void,
): Translate {
  // Made on the first number written, not here: a page's first `Intl` formatter loads the engine's locale data
  // (≈ 250 ms at 4× CPU in Chromium), and the first screen writes no number.
  const write = (value: string | number) =>
    typeof value === 'number' && locale ? numberFormat(locale, { maximumFractionDigits: 2 }).format(value) : String(value);
  return (key, values) => {
    // Own properties only, and only strings: `strings` comes from the host page at run time, untyped.
    const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    const template = typeof override === 'string' ? override : (catalogue[key] ?? (enCore as PartialCatalogue)[key]);
    if (template === undefined) {
      onMissing?.(key);
      return '';
    }
    if (!values) return template;
    return template.replace(PLACEHOLDER, (match, name: string) => (Object.hasOwn(values, name) ? write(values[name]) : match));
  };
}
