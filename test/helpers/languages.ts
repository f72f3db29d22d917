/**
 * Shared by the every-state-in-every-language tests: the language tags
 * tried, mounting an element in one of them (the element's own `lang` for a
 * bare language, an ancestor's for a regional tag), and the check that a
 * rendered state is fully translated.
 */
import { expect } from '@open-wc/testing';
import { en, type Catalogue, type MessageId } from '../../src/i18n/catalogues/en.js';
import { es } from '../../src/i18n/catalogues/es.js';
import { id } from '../../src/i18n/catalogues/id.js';
import { ja } from '../../src/i18n/catalogues/ja.js';
import { resolveLanguage, type Language } from '../../src/i18n/languages.js';
import type { ResilienceTiming } from '../../src/api/timing.js';
import { FAST_TIMING } from './faults.js';
import { englishLeftIn, uiText } from './i18n.js';
import type { Recorder } from './element.js';
import '../../src/index.js';

/** thymia's four languages and a regional tag for each, which must fall back to the language. */
export const LANGUAGE_TAGS = ['en', 'es', 'id', 'ja', 'es-US', 'ja-JP', 'id-ID', 'en-IN'] as const;
export type LanguageTag = (typeof LANGUAGE_TAGS)[number];

const CATALOGUES: Record<Language, Catalogue> = { en, es, id, ja };

export function catalogueFor(tag: string): Catalogue {
  return CATALOGUES[resolveLanguage(tag)];
}

const mounted: HTMLElement[] = [];

export interface MountOptions {
  readonly timing?: Partial<ResilienceTiming>;
  readonly beforeConnect?: (el: Recorder) => void;
}

/**
 * A <thymia-recorder> with its attributes set before it connects, as
 * markup would. A bare language goes on the element's `lang`; a regional
 * tag on a wrapping element, so both ways a page sets its language are used.
 */
export async function mountIn(tag: string, attributes: Record<string, string>, options: MountOptions = {}): Promise<Recorder> {
  const wrapper = document.createElement('div');
  const el = document.createElement('thymia-recorder');
  if (tag.includes('-')) wrapper.setAttribute('lang', tag);
  else el.setAttribute('lang', tag);
  for (const [name, value] of Object.entries({ 'poll-interval': '250', ...attributes })) el.setAttribute(name, value);
  el.timing = options.timing ?? FAST_TIMING;
  options.beforeConnect?.(el);
  wrapper.append(el);
  document.body.append(wrapper);
  mounted.push(wrapper);
  await el.updateComplete;
  return el;
}

export function unmountLanguages(): void {
  for (const wrapper of mounted.splice(0)) wrapper.remove();
}

const MESSAGE_IDS = Object.keys(en) as MessageId[];
const PLACEHOLDER = /\{\w+\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Message ids shown as they are (what a lookup of a missing key shows).
 * Ids that read as code (`instructionsHelios`, `ERR_INTERNAL`,
 * `mic-not-found`) in every language; plain lowercase ids (`stress`,
 * `lowmood`) only outside English, where they are not also ordinary words,
 * and only when that language's own strings never use the word.
 */
export function rawMessageIdsIn(text: string, tag: string): string[] {
  const language = resolveLanguage(tag);
  const catalogue = CATALOGUES[language];
  const ownWords = new Set(Object.values(catalogue).join(' ').match(/\p{L}+/gu) ?? []);
  return MESSAGE_IDS.filter((messageId) => {
    const codeLike = /[A-Z_-]/.test(messageId);
    if (!codeLike && (language === 'en' || ownWords.has(messageId))) return false;
    return new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(messageId)}(?![\\p{L}\\p{N}_-])`, 'u').test(text);
  });
}

/** The longest piece of a catalogue string between its placeholders: what must show when the string is used. */
export function fixedPartOf(template: string): string {
  return template
    .split(PLACEHOLDER)
    .map((piece) => piece.trim())
    .sort((a, b) => b.length - a.length)[0];
}

export interface TranslationCheck {
  /** Strings this state must show, proving it was reached and speaks `tag`'s language. */
  readonly shows?: readonly MessageId[];
  /** Data thymia or a platform sent (transcripts, names, humanised end reasons): not UI strings. */
  readonly ignore?: readonly string[];
}

/**
 * The state as rendered now: the expected strings in `tag`'s language are
 * shown, no placeholder is left, no message id shows raw, and nothing
 * English is left in a non-English UI.
 */
export function expectTranslated(el: Recorder, tag: string, label: string, { shows = [], ignore = [] }: TranslationCheck = {}): void {
  const text = uiText(el.shadowRoot!);
  const flat = text.replace(/\s+/g, ' ');
  const catalogue = catalogueFor(tag);
  const where = `${label} in ${tag}`;
  const missing = shows.filter((messageId) => !flat.includes(fixedPartOf(catalogue[messageId]).replace(/\s+/g, ' ')));
  expect(missing, `${where}: strings not shown`).to.deep.equal([]);
  expect(text.match(PLACEHOLDER) ?? [], `${where}: placeholders left`).to.deep.equal([]);
  expect(rawMessageIdsIn(text, tag), `${where}: raw message ids`).to.deep.equal([]);
  const english = englishLeftIn(text, resolveLanguage(tag), { ignore });
  // Spelled out in the message: chai abbreviates longer arrays to `[ Array(10) ]`.
  expect(english, `${where}: English left: ${english.join(' | ')}`).to.deep.equal([]);
  if (!passed.has(label)) passed.set(label, new Set());
  passed.get(label)!.add(tag);
}

/** State → the tags it passed in, for the printed matrix. */
const passed = new Map<string, Set<string>>();

/** One line per state checked since the last print: `state  en ✓ es ✓ …` (✗ where a tag did not pass). */
export function printLanguageMatrix(title: string): void {
  const lines = [...passed].map(([state, tags]) => `  ${state.padEnd(44)} ${LANGUAGE_TAGS.map((tag) => `${tag} ${tags.has(tag) ? '✓' : '✗'}`).join('  ')}`);
  passed.clear();
  console.log(`languages (${title}):\n${lines.join('\n')}`);
}
