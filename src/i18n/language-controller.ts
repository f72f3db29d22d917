import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartialCatalogue } from './catalogues/en.js';
import { catalogueNow, englishFirstPart, loadCatalogue } from './catalogues.js';
import { languageOf, resolveLanguage, type Language } from './languages.js';
import { createTranslator, type MessageOverrides, type Translate } from './translate.js';

/**
 * The element's UI language: reads the wanted `lang` before each update,
 * keeps rendering with the catalogue it has (English at first) while
 * another language's chunk loads, then asks the host to render again — so
 * no key is ever missing, only late. `settled()` lets the host's
 * `updateComplete` wait for that second render.
 *
 * English starts with its first part only (what a page shows before and
 * while recording); `loadAll()` fetches the rest ahead of need, and a
 * string asked for before it arrived fetches it too.
 *
 * ```ts
 * @property({ attribute: false }) strings: MessageOverrides = {};
 * readonly #language = new LanguageController(this, () => this.#lang, () => this.strings);
 * get #t(): Translate { return this.#language.t; }
 * protected override async getUpdateComplete() {
 *   const complete = await super.getUpdateComplete();
 *   await this.#language.settled();
 *   return (await super.getUpdateComplete()) && complete;
 * }
 * // dates and numbers: this.#language.locale
 * ```
 */
const RETRY_AFTER_FAILURE_MS = 10_000;

export class LanguageController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #lang: () => string;
  readonly #overrides: () => MessageOverrides;
  readonly #wholeNeeded: () => boolean;
  /** The language `lang` asks for, once read. */
  #wanted: Language | undefined;
  #shown: Language = 'en';
  #catalogue: PartialCatalogue = englishFirstPart;
  #pending: Promise<void> | undefined;
  #failedAt: number | undefined;
  #translator: { t: Translate; catalogue: PartialCatalogue; overrides: MessageOverrides; locale: string } | undefined;

  /**
   * @param lang the BCP 47 tag in force (the element's `lang`, else the nearest ancestor's, else the document's)
   * @param overrides the host's `strings`
   * @param wholeNeeded true once the host shows more than its first screen: fetch the rest of English now
   */
  constructor(
    host: ReactiveControllerHost,
    lang: () => string,
    overrides: () => MessageOverrides = () => ({}),
    wholeNeeded: () => boolean = () => false,
  ) {
    this.#host = host;
    this.#lang = lang;
    this.#overrides = overrides;
    this.#wholeNeeded = wholeNeeded;
    host.addController(this);
  }

  hostUpdate(): void {
    this.#choose();
    if (this.#wholeNeeded()) this.loadAll();
  }

  /** The language whose strings are shown now (English until the wanted one has arrived). */
  get language(): Language {
    this.#choose();
    return this.#shown;
  }

  /**
   * The tag for `Intl` (dates, numbers): the page's own tag when it is the
   * language shown (`es-MX` keeps Mexican formats), else the language shown,
   * so English text never carries another locale's numbers.
   */
  get locale(): string {
    const shown = this.language;
    const tag = this.#lang().trim();
    return languageOf(tag) === shown ? tag : shown;
  }

  /** `t(id, values?)` in the language shown, the host's overrides winning; the same function until one of those changes. */
  get t(): Translate {
    const locale = this.locale;
    const overrides = this.#overrides();
    const cached = this.#translator;
    if (cached && cached.catalogue === this.#catalogue && cached.overrides === overrides && cached.locale === locale) return cached.t;
    const t = createTranslator(this.#catalogue, overrides, locale, () => this.loadAll());
    this.#translator = { t, catalogue: this.#catalogue, overrides, locale };
    return t;
  }

  /** A catalogue (another language, or the rest of English) is on its way: a render with it follows. */
  get loading(): boolean {
    this.#choose();
    return this.#pending !== undefined;
  }

  /** Resolves once the wanted language is shown (the host asked to render again) or its chunk failed; never rejects. */
  settled(): Promise<void> {
    this.#choose();
    return this.#pending ?? Promise.resolve();
  }

  /**
   * Fetches whatever the language shown still lacks (the rest of English),
   * ahead of the views that need it; the host renders again when it is here.
   */
  loadAll(): void {
    this.#choose();
    const wanted = this.#wanted!;
    if (this.#pending || catalogueNow(wanted)) return;
    // Offline: each render asks again for what is missing; try once in a while, not on every render.
    if (this.#failedAt !== undefined && Date.now() - this.#failedAt < RETRY_AFTER_FAILURE_MS) return;
    this.#load(wanted);
  }

  #choose(): void {
    const wanted = resolveLanguage(this.#lang());
    if (wanted === this.#wanted) return;
    this.#wanted = wanted;
    const ready = catalogueNow(wanted);
    if (ready) {
      this.#show(wanted, ready);
      this.#pending = undefined;
      return;
    }
    // English's first part is enough to start with; the rest comes with loadAll().
    if (wanted === 'en') {
      this.#show(wanted, englishFirstPart);
      this.#pending = undefined;
      return;
    }
    this.#load(wanted);
  }

  #load(wanted: Language): void {
    const pending: Promise<void> = loadCatalogue(wanted).then(
      (catalogue) => {
        // A later change of `lang` wins over a slower earlier chunk.
        if (this.#wanted === wanted) {
          this.#show(wanted, catalogue);
          this.#host.requestUpdate();
        }
      },
      // Offline or blocked: what is shown stays (English at first); changing `lang` away and back tries again.
      () => {
        this.#failedAt = Date.now();
      },
    );
    this.#pending = pending;
    void pending.then(() => {
      if (this.#pending === pending) this.#pending = undefined;
    });
  }

  #show(language: Language, catalogue: PartialCatalogue): void {
    this.#shown = language;
    this.#catalogue = catalogue;
  }
}
