/**
 * Japanese (and Chinese) run without spaces, so a browser may break a line
 * inside a word ("録 / 音"). Engines with `word-break: auto-phrase` (set on
 * the host) break between phrases by themselves; for the others, long texts
 * are split into words with `Intl.Segmenter` and joined with `<wbr>`, inside
 * a span whose `word-break: keep-all` allows breaks only there (and at
 * punctuation). Other languages, and engines without a segmenter, get the
 * text as it is.
 */
import { html, type TemplateResult } from 'lit';

let autoPhrase: boolean | undefined;

function needsPhrases(lang: string): boolean {
  if (!/^(ja|zh)\b/i.test(lang) || typeof Intl.Segmenter !== 'function') return false;
  autoPhrase ??= typeof CSS !== 'undefined' && CSS.supports('word-break', 'auto-phrase');
  return !autoPhrase;
}

export function phrases(text: string, lang: string): string | TemplateResult {
  if (!text || !needsPhrases(lang)) return text;
  const words = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((part) => part.segment);
  return html`<span class="phrases">${words.map((word, index) => (index ? html`<wbr />${word}` : word))}</span>`;
}
