import { html, type TemplateResult } from 'lit';
import { SEVERITY_LEVELS, type ApolloSymptomScore } from '../api/apollo-schemas.js';
import type { Translate } from '../i18n/messages.js';
import { percent } from './format.js';
import { styleProperties } from './style-properties.js';

/**
 * A symptom's none/mild/moderate/severe distribution as one small stacked
 * bar. Segment widths are normalised so the bar is always full even when
 * rounding makes thymia's values sum to 0.99; the accessible label carries
 * the values as given.
 */
export function distributionBar(distribution: ApolloSymptomScore['distribution'], t: Translate): TemplateResult {
  const total = SEVERITY_LEVELS.reduce((sum, level) => sum + Math.max(0, distribution[level]), 0) || 1;
  const shown = Object.fromEntries(SEVERITY_LEVELS.map((level) => [level, percent(distribution[level])]));
  return html`<span class="distribution" role="img" aria-label=${t('distributionLabel', shown)}
    >${SEVERITY_LEVELS.map(
      (level) =>
        html`<span
          class="segment"
          data-level=${level}
          data-value=${String(distribution[level])}
          ${styleProperties({ width: `${(Math.max(0, distribution[level]) / total) * 100}%` })}
        ></span>`,
    )}</span
  >`;
}
