/** The UI languages, matching thymia's language codes (`en-GB`, `es-ES`, `id-ID`, `ja-JP`…) by their first subtag. */
export const LANGUAGES = ['en', 'es', 'id', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The UI language a BCP 47 tag names by its first subtag, or undefined when it names none of ours. */
export function languageOf(lang: string | null | undefined): Language | undefined {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  // `in` is Indonesian's withdrawn ISO 639 code, still sent by older Java and Android locales.
  if (primary === 'in') return 'id';
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The UI language for a BCP 47 tag, falling back by language (`en-IN` →
 * `en`, `es-US` → `es`, `ja-JP` → `ja`) and then to English, so any tag a
 * host passes — `lang` attribute, `navigator.language`, thymia's
 * `language` — gives a catalogue.
 */
export function resolveLanguage(lang: string | null | undefined): Language {
  return languageOf(lang) ?? DEFAULT_LANGUAGE;
}
