/**
 * Apollo results. Apollo is a regulated medical device for clinicians:
 * thymia requires clinical review before results reach a patient, so the
 * element's default for Apollo is `none` (a neutral acknowledgement, no
 * scores). A host opts in with `results`:
 *
 * - `summary`: clinician notice, warnings, the two disorders (probability
 *   with thymia's band, severity) and the model version — a glance for a
 *   clinician's list view. No symptoms, no report links.
 * - `full`: everything in `summary`, plus every depression and anxiety
 *   symptom with its severity and none/mild/moderate/severe distribution,
 *   the report's view/PDF links (https only) with their expiry, and the
 *   crisis note.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  APOLLO_DISORDERS,
  APOLLO_SYMPTOMS,
  SEVERITY_LEVELS,
  type ApolloDisorder,
  type ApolloReport,
  type ApolloResults,
  type ApolloSymptomScore,
} from '../api/apollo-schemas.js';
import type { MessageKey, Translate } from '../i18n/messages.js';
import { distributionBar } from './distribution-bar.js';
import { formatDateTime, humanise, percent } from './format.js';
import { probabilityBand } from './probability-band.js';
import type { RenderContext } from './render-context.js';
import { httpsUrl } from './safe-url.js';
import { scoreBar } from './score-bar.js';
import { warningsBlock } from './warnings.js';

export interface ApolloViewData {
  readonly results: ApolloResults;
  readonly report: ApolloReport | undefined;
  readonly modelVersion: string | undefined;
  readonly warnings: readonly string[];
}

const DISORDER_TEXT = {
  depression: { name: 'depression', benchmark: 'benchmarkDepression', symptoms: 'symptomsDepression' },
  anxiety: { name: 'anxiety', benchmark: 'benchmarkAnxiety', symptoms: 'symptomsAnxiety' },
} as const satisfies Record<ApolloDisorder, Record<string, MessageKey>>;

const LEVEL_TEXT = {
  none: 'levelNone',
  mild: 'levelMild',
  moderate: 'levelModerate',
  severe: 'levelSevere',
} as const satisfies Record<(typeof SEVERITY_LEVELS)[number], MessageKey>;

function disorderRow(disorder: ApolloDisorder, results: ApolloResults, t: Translate) {
  const score = results.disorders[disorder];
  const band = probabilityBand(score.probability);
  const text = DISORDER_TEXT[disorder];
  const name = t(text.name);
  return html`<li class="disorder" data-disorder=${disorder} data-band=${band.level}>
    <span class="disorder-name">${name}</span>
    <span class="band">${t(band.label)}</span>
    <span class="figure">${t('probability')}: ${t('percent', { value: percent(score.probability) })}</span>
    ${scoreBar(score.probability, `${name}: ${t('probability')}`, t)}
    <span class="figure">${t('severity')}: ${t('percent', { value: percent(score.severity) })}</span>
    ${scoreBar(score.severity, `${name}: ${t('severity')}`, t)}
    <span class="benchmark">${t(text.benchmark)}</span>
  </li>`;
}

/** Documented symptoms in thymia's order, then any symptom thymia adds later. */
function orderedSymptoms(disorder: ApolloDisorder, results: ApolloResults): [string, ApolloSymptomScore][] {
  const scores = results.symptoms[disorder];
  const known: readonly string[] = APOLLO_SYMPTOMS[disorder];
  const names = [...known.filter((name) => name in scores), ...Object.keys(scores).filter((name) => !known.includes(name))];
  return names.map((name) => [name, scores[name]]);
}

function symptomLabel(name: string, disorder: ApolloDisorder, t: Translate): string {
  return (APOLLO_SYMPTOMS[disorder] as readonly string[]).includes(name) ? t(name as MessageKey) : humanise(name);
}

function symptomGroup(disorder: ApolloDisorder, results: ApolloResults, t: Translate) {
  const symptoms = orderedSymptoms(disorder, results);
  if (!symptoms.length) return nothing;
  return html`<section class="symptom-group" data-disorder=${disorder}>
    <h4>${t(DISORDER_TEXT[disorder].symptoms)}</h4>
    <p class="legend" aria-hidden="true">
      ${SEVERITY_LEVELS.map((level) => html`<span class="swatch" data-level=${level}></span>${t(LEVEL_TEXT[level])} `)}
    </p>
    <ul class="symptoms">
      ${symptoms.map(([name, score]) => {
        const label = symptomLabel(name, disorder, t);
        return html`<li class="symptom" data-symptom=${name}>
          <span class="symptom-name">${label}</span>
          <span class="symptom-severity">${t('severity')}: ${t('percent', { value: percent(score.severity) })}</span>
          ${distributionBar(score.distribution, t)}
        </li>`;
      })}
    </ul>
  </section>`;
}

function reportBlock(report: ApolloReport | undefined, ctx: RenderContext) {
  if (!report) return nothing;
  const { t, lang } = ctx;
  const view = httpsUrl(report.viewUrl);
  const pdf = httpsUrl(report.pdfUrl);
  if (!view && !pdf) return nothing;
  const expires = new Date(report.accessExpiresAt).getTime();
  const when = formatDateTime(report.accessExpiresAt, lang);
  const expired = Number.isFinite(expires) && expires <= Date.now();
  return html`<section class="report" part="report">
    <h4>${t('reportHeading')}</h4>
    ${expired
      ? nothing
      : html`<p class="report-links">
          ${view ? html`<a part="report-link" data-report="view" href=${view} target="_blank" rel="noopener noreferrer">${t('reportView')}</a>` : nothing}
          ${pdf ? html`<a part="report-link" data-report="pdf" href=${pdf} target="_blank" rel="noopener noreferrer">${t('reportPdf')}</a>` : nothing}
        </p>`}
    ${when ? html`<p class="hint">${t(expired ? 'reportExpired' : 'reportExpires', { time: when })}</p>` : nothing}
  </section>`;
}

/** Returns undefined in `none` mode so the caller can show one neutral acknowledgement. */
export function renderApollo(data: ApolloViewData, ctx: RenderContext): TemplateResult | undefined {
  const { t, mode } = ctx;
  if (mode === 'none') return undefined;
  const full = mode === 'full';
  return html`<section class="apollo" data-view="apollo" data-mode=${mode}>
    <h3>${t('apolloHeading')}</h3>
    <p class="clinician-notice" role="note" part="clinician-notice">${t('apolloClinicianNotice')}</p>
    ${warningsBlock(data.warnings, t('apolloWarningsHeading'))}
    <ul class="disorders">
      ${APOLLO_DISORDERS.map((disorder) => disorderRow(disorder, data.results, t))}
    </ul>
    ${full ? APOLLO_DISORDERS.map((disorder) => symptomGroup(disorder, data.results, t)) : nothing}
    ${full ? reportBlock(data.report, ctx) : nothing}
    ${data.modelVersion ? html`<p class="hint model-version">${t('modelVersion', { version: data.modelVersion })}</p>` : nothing}
    ${full ? html`<p class="disclaimer">${t('apolloNotForCrisis')}</p>` : nothing}
  </section>`;
}
