/** thymia Emotions results (inside a voice-agent call) as a simple labelled bar chart. */
import { html, type TemplateResult } from 'lit';
import { formatNumber, humanise } from './format.js';
import { numericScores } from './numeric-scores.js';
import type { RenderContext } from './render-context.js';
import { styleProperties } from './style-properties.js';
import { warningsBlock } from './warnings.js';

export function renderEmotions(results: unknown, warnings: readonly string[], ctx: RenderContext): TemplateResult | undefined {
  const { t, mode, lang } = ctx;
  if (mode === 'none') return undefined;
  const scores = numericScores(results);
  if (!scores.length) return undefined;
  // Scores already on 0…1 read as percentages; anything else is scaled to the largest magnitude.
  const unit = scores.every((score) => score.value >= 0 && score.value <= 1);
  const max = unit ? 1 : Math.max(...scores.map((score) => Math.abs(score.value))) || 1;
  return html`<section class="emotions" data-view="emotions">
    <h3>${t('emotionsHeading')}</h3>
    ${warningsBlock(warnings, t('warningsHeading'))}
    <ul class="chart">
      ${scores.map((score) => {
        const label = score.path.map(humanise).join(' · ');
        const ratio = Math.min(1, Math.abs(score.value) / max);
        const shown = unit ? t('percent', { value: Math.round(score.value * 100) }) : formatNumber(score.value, lang);
        return html`<li class="chart-row" data-key=${score.path.join('.')}>
          <span class="chart-label">${label}</span>
          <span class="bar" role="meter" aria-label=${label} aria-valuemin="0" aria-valuemax=${unit ? 1 : max} aria-valuenow=${score.value}
            aria-valuetext=${shown}
            ><span class="bar-fill" ${styleProperties({ width: `${ratio * 100}%` })}></span
          ></span>
          <span class="chart-value">${shown}</span>
        </li>`;
      })}
    </ul>
  </section>`;
}
