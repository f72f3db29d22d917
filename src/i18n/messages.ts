/**
 * The names render modules already import. The catalogues live in
 * `catalogues/` (English in the main bundle, the others loaded with
 * import()), the translator in `translate.ts`, the language choice in
 * `languages.ts`, the loader in `catalogues.ts`, `Intl` formatting in
 * `intl.ts`.
 */
import { en, type MessageId } from './catalogues/en.js';
// TRANSITIONAL (remove with `translator` below once the element loads catalogues itself):
// this static import keeps Spanish in the main bundle, as before lazy loading.
import { es } from './catalogues/es.js';
import { catalogueNow } from './catalogues.js';
import { resolveLanguage } from './languages.js';
import { createTranslator, type Translate } from './translate.js';

export type { Catalogue, MessageId } from './catalogues/en.js';
export type { Translate, MessageValues, MessageOverrides } from './translate.js';
/** The former name of `MessageId`. */
export type MessageKey = MessageId;
export { formatClock } from './intl.js';

/**
 * A translator for `lang` from what is already loaded, English where the
 * language has not arrived yet.
 *
 * @deprecated Synchronous, so it cannot wait for a language chunk. Use
 * `resolveLanguage` + `loadCatalogue`/`catalogueNow` + `createTranslator`.
 */
export function translator(lang: string | undefined): Translate {
  const language = resolveLanguage(lang);
  const catalogue = language === 'es' ? es : (catalogueNow(language) ?? en);
  return createTranslator(catalogue, {}, lang);
}
