import { en, type Catalogue } from './catalogues/en.js';
import type { Language } from './languages.js';

/**
 * Each non-English catalogue is its own module, imported only when that
 * language is first used: the bundler emits it as a chunk beside the main
 * file, so a page in English never downloads Japanese.
 */
const LOADERS: { readonly [L in Exclude<Language, 'en'>]: () => Promise<Catalogue> } = {
  es: () => import('./catalogues/es.js').then((module) => module.es),
  id: () => import('./catalogues/id.js').then((module) => module.id),
  ja: () => import('./catalogues/ja.js').then((module) => module.ja),
};

const loaded = new Map<Language, Catalogue>([['en', en]]);
const loading = new Map<Language, Promise<Catalogue>>();

/** The catalogue if it is already here (English always is), else undefined: render with it now, or load it. */
export function catalogueNow(language: Language): Catalogue | undefined {
  return loaded.get(language);
}

/**
 * The catalogue for `language`, fetched once and then cached: every later
 * call gives the same object. A failed fetch (offline, blocked chunk) is
 * not cached, so a later call tries again; callers keep showing English
 * meanwhile.
 */
export function loadCatalogue(language: Language): Promise<Catalogue> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language as Exclude<Language, 'en'>]().then(
      (catalogue) => {
        loaded.set(language, catalogue);
        loading.delete(language);
        return catalogue;
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}
