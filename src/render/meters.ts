/**
 * The live meters: the speech bar that must fill (with its goal as a
 * visible label) and the loudness (thin, neutral, also labelled). Loaded
 * with the take views, like the recording view that shows them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PanelContext } from './panel-parts.js';
import { styleProperties } from './style-properties.js';

/**
 * The bar that must fill: thick, in the speech colour, with its goal as a
 * visible label. `paused`: a take stopped short (the notice says what next).
 */
export function speechMeter({ t, minSpeechSeconds: min }: PanelContext, speechSeconds: number, { paused = false } = {}): TemplateResult {
  const ratio = min > 0 ? Math.min(1, speechSeconds / min) : 1;
  const remaining = Math.max(0, Math.ceil(min - speechSeconds));
  const progress = t('speechProgress', { speech: Math.floor(speechSeconds), min });
  return html`<div class="meter speech" ?data-full=${remaining === 0}>
    <span class="meter-label" aria-hidden="true"><span>${progress}</span>${remaining === 0 ? html`<span class="meter-done">✓</span>` : nothing}</span>
    <span
      part="speech-meter"
      class="bar"
      role="progressbar"
      aria-label=${progress}
      aria-valuemin="0"
      aria-valuemax=${min}
      aria-valuenow=${Math.min(min, Math.floor(speechSeconds))}
      data-speech-seconds=${speechSeconds.toFixed(1)}
      ><span class="bar-fill meter-fill" ${styleProperties({ '--value': String(ratio) })}></span
    ></span>
    ${paused ? nothing : html`<p class="hint meter-hint">${remaining > 0 ? t('speechNeedMore', { remaining }) : t('speechEnough')}</p>`}
  </div>`;
}

/** How loud the microphone hears the person: thin, neutral, labelled — it need not fill. */
export function levelMeter({ t }: PanelContext, level: number): TemplateResult {
  return html`<div class="meter level">
    <span class="meter-label" aria-hidden="true">${t('levelMeter')}</span>
    <span part="level-meter" class="bar" role="meter" aria-label=${t('levelMeter')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(level * 100)}
      ><span class="bar-fill meter-fill" ${styleProperties({ '--value': String(level) })}></span
    ></span>
  </div>`;
}

