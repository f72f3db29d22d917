import { enCore } from './catalogues/en-core.js';
import type { Catalogue, PartialCatalogue } from './catalogues/en.js';
import type { Language } from './languages.js';

/**
 * Each catalogue beyond English's first part is its own module, imported
 * only when first used: the bundler emits it as a chunk beside the main
 * file, so a page in English never downloads Japanese, and a Helios page
 * downloads the result and Apollo strings only once it gets that far.
 */
const LOADERS: { readonly [L in Language]: () => Promise<Catalogue> } = {
  en: () => import('./catalogues/en.js').then((module) => module.en),
  es: () => import('./catalogues/es.js').then((module) => module.es),
  id: () => import('./catalogues/id.js').then((module) => module.id),
  ja: () => import('./catalogues/ja.js').then((module) => module.ja),
};

const loaded = new Map<Language, Catalogue>();
const loading = new Map<Language, Promise<Catalogue>>();

/** The whole catalogue if it is already here, else undefined: render with `englishFirstPart` meanwhile, or load it. */
export function catalogueNow(language: Language): Catalogue | undefined {
  return loaded.get(language);
}

/** English before the rest of it arrives: everything a Helios page shows before and while recording. */
export const englishFirstPart: PartialCatalogue = enCore;

/**
 * The whole catalogue for `language`, fetched once and then cached: every
 * later call gives the same object. A failed fetch (offline, blocked chunk)
 * is not cached, so a later call tries again; callers keep showing what
 * they have meanwhile.
 */
export function loadCatalogue(language: Language): Promise<Catalogue> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language]().then(
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
