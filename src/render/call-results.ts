/**
 * A voice-agent call record (Synthflow, ThinnestAI): duration, end reason,
 * the platform's analysis summary and the transcript. `summary` mode leaves
 * the transcript out; `none` shows a neutral line. Everything is text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CallRecord, TranscriptTurn } from '../api/outcome.js';
import { formatClock, type Translate } from '../i18n/messages.js';
import { humanise } from './format.js';
import type { RenderContext } from './render-context.js';

/** Role names platforms use for each side of the conversation. */
const AGENT_ROLES: readonly string[] = ['assistant', 'agent', 'bot', 'ai'];
const USER_ROLES: readonly string[] = ['user', 'human', 'caller', 'customer'];

function roleLabel(role: string, t: Translate): string {
  const key = role.toLowerCase();
  if (AGENT_ROLES.includes(key)) return t('roleAssistant');
  if (USER_ROLES.includes(key)) return t('roleUser');
  return humanise(role);
}

function fact(label: string, value: string | undefined) {
  return value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing;
}

function turn(entry: TranscriptTurn, t: Translate) {
  return html`<li class="turn" data-role=${entry.role ?? ''}>
    ${entry.role ? html`<span class="role">${roleLabel(entry.role, t)}:</span> ` : nothing}<span class="turn-text">${entry.text}</span>
  </li>`;
}

export function renderCall(record: CallRecord, ctx: RenderContext): TemplateResult | undefined {
  const { t, mode } = ctx;
  if (mode === 'none') return undefined;
  const analysis = record.analysis;
  const duration = record.durationSeconds === undefined ? undefined : formatClock(record.durationSeconds, ctx.lang);
  return html`<section class="call" data-view="call" data-platform=${record.platform} data-status=${record.status}>
    <h3>${t('callHeading')}</h3>
    <dl class="call-facts">
      ${fact(t('callDuration'), duration)}
      ${fact(t('callEndReason'), record.endReason ? humanise(record.endReason) : undefined)}
      ${fact(t('callOutcome'), analysis?.outcome ? humanise(analysis.outcome) : undefined)}
      ${fact(t('callSentiment'), analysis?.sentiment ? humanise(analysis.sentiment) : undefined)}
    </dl>
    ${analysis?.overview ? html`<h4>${t('callOverview')}</h4><p class="call-overview">${analysis.overview}</p>` : nothing}
    ${analysis?.keyTopics.length
      ? html`<h4>${t('callKeyTopics')}</h4><ul class="call-topics">${analysis.keyTopics.map((topic) => html`<li>${topic}</li>`)}</ul>`
      : nothing}
    ${analysis?.actionItems.length
      ? html`<h4>${t('callActionItems')}</h4><ul class="call-actions">${analysis.actionItems.map((item) => html`<li>${item}</li>`)}</ul>`
      : nothing}
    ${mode === 'full' && record.transcript.length
      ? html`<details class="transcript" part="transcript">
          <summary>${t('callTranscript')}</summary>
          ${record.transcript.some((entry) => entry.role)
            ? html`<ol class="turns">${record.transcript.map((entry) => turn(entry, t))}</ol>`
            : record.transcript.map((entry) => html`<p>${entry.text}</p>`)}
        </details>`
      : nothing}
  </section>`;
}
