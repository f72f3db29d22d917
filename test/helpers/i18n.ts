/**
 * Finding English left in a translated UI. A rendered state in Spanish,
 * Indonesian or Japanese should hold no fragment of an English catalogue
 * string (except those genuinely the same in that language), and Japanese
 * no Latin-script word but names, standards and units.
 *
 * For an element test: `englishLeftIn(uiText(el.shadowRoot!), 'ja')`
 * should deep-equal `[]`; pass `ignore` for data the host or thymia sent
 * (transcripts, warnings, names), which is not UI.
 */
import { en, type MessageId } from '../../src/i18n/catalogues/en.js';
import type { Language } from '../../src/i18n/languages.js';

export type TranslatedLanguage = Exclude<Language, 'en'>;

/** Latin-script words right in any language's UI: brands, product names, standards, browsers, URL schemes. */
export const LATIN_ALLOWED: readonly string[] = [
  'thymia',
  'Helios',
  'Apollo',
  'PHQ',
  'GAD',
  'PDF',
  'https',
  'Chrome',
  'Edge',
  'Firefox',
  'Safari',
  'OK',
];

/** Strings the same as English that are right in that language (a medical term shared by both, a bare number format). */
export const SAME_AS_ENGLISH: { readonly [L in TranslatedLanguage]: readonly MessageId[] } = {
  es: ['anhedonia'],
  id: ['anhedonia', 'percent', 'followStatus'],
  ja: ['percent'],
};

const PLACEHOLDER = /\{\w+\}/g;
const EDGE_PUNCTUATION = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const allowed = new Set(LATIN_ALLOWED.map((word) => word.toLowerCase()));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Latin words in `text` that are not names, standards or units. */
export function latinWordsIn(text: string): string[] {
  const words = text.replace(PLACEHOLDER, ' ').match(/[A-Za-z]+/g) ?? [];
  return words.filter((word) => !allowed.has(word.toLowerCase()));
}

/**
 * The pieces of every English string that a translation must not show:
 * each string cut at its placeholders and sentence breaks, trimmed of
 * punctuation, kept when it holds an English word that is not on the
 * allowlist. Longest first, so a sentence is reported before its words.
 */
function englishFragments(language: TranslatedLanguage): string[] {
  const same = new Set<MessageId>(SAME_AS_ENGLISH[language]);
  const fragments = new Set<string>();
  for (const [id, text] of Object.entries(en) as [MessageId, string][]) {
    if (same.has(id)) continue;
    for (const piece of text.split(/\{\w+\}|(?<=[.;:!?])\s+|\s+—\s+|\s·\s/)) {
      const fragment = piece.replace(EDGE_PUNCTUATION, '');
      if (/[A-Za-z]{3}/.test(fragment) && latinWordsIn(fragment).length) fragments.add(fragment);
    }
  }
  return [...fragments].sort((a, b) => b.length - a.length);
}

export interface EnglishLeftOptions {
  /** Text in the UI that is data, not UI strings (a transcript, thymia's warnings): removed before looking. */
  readonly ignore?: readonly string[];
}

/**
 * English found in `text` rendered for `language`: English catalogue
 * fragments (whole words, case-sensitive), and for Japanese any Latin word
 * not on the allowlist. Empty when the UI is fully translated.
 */
export function englishLeftIn(text: string, language: Language, { ignore = [] }: EnglishLeftOptions = {}): string[] {
  if (language === 'en') return [];
  // Placeholders are ids, not words: `{moderate}` in a template is not English shown.
  let rest = text.replace(PLACEHOLDER, ' ');
  // Longest first: a topic (`refund`) inside an action item (`Process refund within 3 days`) must not cut the item apart.
  for (const data of [...ignore].sort((a, b) => b.length - a.length)) rest = rest.split(data).join(' ');
  const found: string[] = [];
  for (const fragment of englishFragments(language)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fragment)}(?![\\p{L}\\p{N}])`, 'u');
    if (pattern.test(rest)) {
      found.push(fragment);
      // Reported once: its words are not reported again as shorter fragments.
      rest = rest.replace(new RegExp(pattern.source, 'gu'), ' ');
    }
  }
  if (language === 'ja') found.push(...latinWordsIn(rest));
  return found;
}

/** Attributes whose text a person meets (read aloud or shown on hover). */
const SPOKEN_ATTRIBUTES = ['aria-label', 'aria-valuetext', 'aria-roledescription', 'title', 'alt', 'placeholder'];

/**
 * The text a person sees or hears in a shadow root or element: text nodes
 * (not styles or scripts) and labelling attributes, one per line, open
 * shadow roots of nested elements included.
 */
export function uiText(root: ParentNode): string {
  const lines: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text) lines.push(text);
      return;
    }
    if (node instanceof Element) {
      if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
      // Japanese split into words joined by <wbr> (src/render/phrases.ts) reads as one line of text.
      if (node.classList.contains('phrases')) {
        const text = node.textContent?.trim();
        if (text) lines.push(text);
        return;
      }
      // A filled slot shows the host's nodes (its own wording, not ours), not its fallback.
      if (node instanceof HTMLSlotElement && node.assignedNodes().length) return;
      for (const name of SPOKEN_ATTRIBUTES) {
        const value = node.getAttribute(name)?.trim();
        if (value) lines.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    node.childNodes.forEach(visit);
  };
  visit(root as unknown as Node);
  return lines.join('\n');
}
