/**
 * A completed thymia questionnaire: its name as the person saw it, when it
 * was completed, and its score when the questionnaire is one that scores.
 * Answers stay in the event (`thymia-result`), not on screen.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { QuestionnaireDetails } from '../api/questionnaire-schemas.js';
import { formatDateTime, formatNumber } from './format.js';
import type { RenderContext } from './render-context.js';

export function renderQuestionnaire(details: QuestionnaireDetails, { t, mode, lang }: RenderContext): TemplateResult | undefined {
  if (mode === 'none') return undefined;
  const completed = formatDateTime(details.completedAt, lang);
  const score = details.scoreDetails?.score;
  return html`<section class="questionnaire" data-view="questionnaire">
    <h3>${details.name || t('questionnaireTitle')}</h3>
    ${completed ? html`<p class="questionnaire-completed">${t('questionnaireCompletedAt', { date: completed })}</p>` : nothing}
    ${score === undefined ? nothing : html`<p class="questionnaire-score" data-score=${score}>${t('questionnaireScore', { score: formatNumber(score, lang) })}</p>`}
  </section>`;
}
