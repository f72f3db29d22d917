/**
 * Renders every view a completed status answer holds, each at the mode
 * `resultsModeFor` decides. Views with nothing to show in `none` collapse
 * into one neutral acknowledgement.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageId } from '../i18n/messages.js';
import type { ResultView } from '../api/outcome.js';
import type { Translate } from '../i18n/messages.js';
import { renderApollo } from './apollo-results.js';
import { renderCall } from './call-results.js';
import { renderEmotions } from './emotions-results.js';
import { renderMentalWellness } from './helios-results.js';
import { renderQuestionnaire } from './questionnaire-results.js';
import type { RenderContext } from './render-context.js';
import { resultsModeFor, type ResultsMode } from './results-mode.js';

export interface ViewsOptions {
  readonly t: Translate;
  readonly lang: string;
  /** The host's `results` attribute when it is a valid mode. */
  readonly hostMode: ResultsMode | undefined;
  /** The element's `model`. */
  readonly model: string;
  /** The outcome's warnings, for views that do not carry their own. */
  readonly warnings: readonly string[];
}

function renderView(view: ResultView, ctx: RenderContext, warnings: readonly string[]): TemplateResult | undefined {
  switch (view.kind) {
    case 'mental-wellness':
      return renderMentalWellness(view.results, view.warnings ?? warnings, ctx);
    case 'apollo':
      return renderApollo(view, ctx);
    case 'emotions':
      return renderEmotions(view.results, view.warnings, ctx);
    case 'call':
      return renderCall(view.record, ctx);
    case 'questionnaire':
      return renderQuestionnaire(view.details, ctx);
  }
}

/** An Apollo page, whatever the status answer kept (a backend's `none` policy strips the results). */
function isApollo(views: readonly ResultView[], model: string): boolean {
  return model === 'apollo' || views.some((view) => view.kind === 'apollo');
}

function neutral(views: readonly ResultView[], t: Translate, model: string): TemplateResult {
  const key = isApollo(views, model) && !views.some((view) => view.kind === 'call') ? 'apolloSubmitted' : views.some((view) => view.kind === 'call') ? 'callEnded' : 'complete';
  return html`<p class="complete">${t(key)}</p>`;
}

export function renderResultViews(views: readonly ResultView[], options: ViewsOptions): TemplateResult[] {
  const rendered = views
    .map((view) => renderView(view, { t: options.t, lang: options.lang, mode: resultsModeFor(view, options.hostMode, options.model) }, options.warnings))
    .filter((template): template is TemplateResult => template !== undefined);
  return rendered.length ? rendered : [neutral(views, options.t, options.model)];
}

/**
 * What happens next, under the results: a Helios person may close the page
 * and come back another day; a patient-facing Apollo page (no results shown)
 * says who sees the results and what follows. Hosts reword either through `strings`.
 */
export function renderNextStep(views: readonly ResultView[], options: ViewsOptions) {
  const key = nextStepKey(views, options);
  return key ? html`<p class="next-step" part="next-step">${options.t(key)}</p>` : nothing;
}

function nextStepKey(views: readonly ResultView[], { hostMode, model }: ViewsOptions): MessageId | undefined {
  const apollo = views.find((view) => view.kind === 'apollo');
  if (apollo) return resultsModeFor(apollo, hostMode, model) === 'none' ? 'apolloPatientNext' : undefined;
  if (isApollo(views, model)) return views.some((view) => view.kind === 'call') ? undefined : 'apolloPatientNext';
  return views.some((view) => view.kind === 'mental-wellness') ? 'heliosNextStep' : undefined;
}
