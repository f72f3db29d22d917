/**
 * The element's language: `lang` (or the nearest one up the tree) resolved
 * to a catalogue, fetched on first use, with the host's `strings` winning
 * string by string. Until a language arrives the element speaks English,
 * and `pending` lets `updateComplete` wait for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogueNow, loadCatalogue } from '../i18n/catalogues.js';
import { resolveLanguage } from '../i18n/languages.js';
import { createTranslator, type MessageOverrides, type Translate } from '../i18n/translate.js';

export interface LocaleHost extends ReactiveControllerHost {
  /** The BCP 47 tag in force (`lang`, inherited, or `en`). */
  readonly locale: string;
  readonly strings: MessageOverrides;
}

export class LocaleController implements ReactiveController {
  readonly #host: LocaleHost;
  #pending: Promise<unknown> | undefined;
  #cache: { readonly key: unknown[]; readonly t: Translate } | undefined;
  /** Languages whose chunk would not load on this page: not asked for again on every render. */
  readonly #unavailable = new Set<string>();

  constructor(host: LocaleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Resolves once the language in force has arrived (or failed to). */
  get pending(): Promise<unknown> | undefined {
    return this.#pending;
  }

  get t(): Translate {
    const { locale, strings } = this.#host;
    const language = resolveLanguage(locale);
    const catalogue = catalogueNow(language);
    if (!catalogue && !this.#unavailable.has(language)) this.#load(language);
    const shown = catalogue ?? catalogueNow('en')!;
    const key = [shown, strings, locale];
    if (!this.#cache || this.#cache.key.some((part, index) => part !== key[index])) {
      this.#cache = { key, t: createTranslator(shown, strings, locale) };
    }
    return this.#cache.t;
  }

  hostUpdate(): void {
    // Ask early, so a `lang` set before the first render is fetched with it.
    void this.t;
  }

  #load(language: Parameters<typeof loadCatalogue>[0]): void {
    if (this.#pending) return;
    // Offline or blocked: stay in English rather than fail the render.
    this.#pending = loadCatalogue(language)
      .catch(() => this.#unavailable.add(language))
      .finally(() => {
        this.#pending = undefined;
        this.#host.requestUpdate();
      });
  }
}
