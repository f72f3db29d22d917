import { html, nothing, type TemplateResult } from 'lit';
import {
  BUCKETED_BIOMARKERS,
  UNIFORM_BIOMARKERS,
  type MentalWellnessResults,
  type MentalWellnessSection,
} from '../api/schemas.js';
import type { MessageKey, Translate } from '../i18n/messages.js';
import type { RenderContext } from './render-context.js';
import { scoreBar } from './score-bar.js';
import { warningsBlock } from './warnings.js';

/** thymia's four buckets: 0.0 Low, 0.33 Moderately low, 0.66 Moderately high, 1.0 High. */
const BUCKETS: readonly { readonly value: number; readonly label: MessageKey; readonly level: string }[] = [
  { value: 0, label: 'bucketLow', level: 'low' },
  { value: 0.33, label: 'bucketModeratelyLow', level: 'moderately-low' },
  { value: 0.66, label: 'bucketModeratelyHigh', level: 'moderately-high' },
  { value: 1, label: 'bucketHigh', level: 'high' },
];

export function bucketFor(value: number): (typeof BUCKETS)[number] {
  return BUCKETS.reduce((best, bucket) => (Math.abs(bucket.value - value) < Math.abs(best.value - value) ? bucket : best));
}

function bucketRow(section: MentalWellnessSection, biomarker: (typeof BUCKETED_BIOMARKERS)[number], t: Translate, withBars: boolean) {
  const bucket = bucketFor(section[biomarker].value);
  const uniform = section[UNIFORM_BIOMARKERS[biomarker]];
  return html`<li class="biomarker" data-biomarker=${biomarker} data-level=${bucket.level}>
    <span class="biomarker-name">${t(biomarker)}</span>
    <span class="bucket">${t(bucket.label)}</span>
    ${withBars && uniform ? scoreBar(uniform.value, t(biomarker), t) : nothing}
  </li>`;
}

/**
 * Overall mental strain is a continuous 0–1 score, not one of thymia's four
 * buckets: the same four words, one per quarter of the scale, so every score
 * on screen has a word as well as a bar.
 */
export function strainBand(value: number): (typeof BUCKETS)[number] {
  return BUCKETS[Math.min(BUCKETS.length - 1, Math.max(0, Math.floor(value * BUCKETS.length)))];
}

/** Helios results: framed as wellbeing, never as diagnosis. */
export function renderMentalWellness(
  results: MentalWellnessResults,
  warnings: readonly string[],
  { mode, t }: RenderContext,
): TemplateResult | undefined {
  if (mode === 'none') return undefined;
  // Helios currently returns one section for the whole recording; show the last if ever more.
  const section = results.sections[results.sections.length - 1];
  const full = mode === 'full';
  const strain = strainBand(section.mentalStrain.value);
  return html`
    <h3>${t('resultsHeading')}</h3>
    ${warningsBlock(warnings, t('warningsHeading'))}
    <div class="strain" data-biomarker="mentalStrain" data-level=${strain.level}>
      <span class="biomarker-name">${t('mentalStrain')}</span>
      <span class="bucket">${t(strain.label)}</span>
      ${scoreBar(section.mentalStrain.value, t('mentalStrain'), t)}
    </div>
    <ul class="biomarkers">
      ${BUCKETED_BIOMARKERS.map((biomarker) => bucketRow(section, biomarker, t, full))}
    </ul>
    ${full && section.transcript
      ? html`<details class="transcript">
          <summary>${t('transcriptHeading')}</summary>
          <p>${section.transcript}</p>
        </details>`
      : nothing}
    <p class="disclaimer">${t('resultsDisclaimer')}</p>
  `;
}
