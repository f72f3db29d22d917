/**
 * What the panel shows once a take is on its way: uploading, analysing (or
 * following a call, or an activity the person was handed off to) and the
 * results. Loaded with the protocol views when Record is pressed (calls and
 * Apollo pages load them at once), so a Helios page's first load does not
 * carry them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Phase } from '../state/machine.js';
import { renderActivityHandoff, renderFollowStatus } from './activity-handoff.js';
import type { PanelContext, PhaseView } from './panel-parts.js';
import { renderNextStep, renderResultViews } from './result-views.js';

/** Following a call or handed off to an activity: what is happening, instead of "analysing". */
function renderFollowing({ snapshot, activityMode, t }: PanelContext): TemplateResult {
  const link = snapshot.handoffLink;
  return html`${link ? renderActivityHandoff(link, activityMode === 'iframe' ? 'iframe' : 'tab', t) : nothing}
    ${renderFollowStatus(snapshot.lastStatus, t)}
    <progress part="progress" aria-label=${t('followWaiting')}></progress>`;
}

export const phaseViews: { readonly [Name in Extract<Phase['name'], 'uploading' | 'processing' | 'complete'>]: PhaseView } = {
  uploading: {
    body: ({ snapshot: { upload, machine }, t }) =>
      html`<p class="hint" role="status" tabindex="-1" data-focus-fallback>${upload.retrying ? t('uploadRetrying') : t(machine.steps.length > 1 ? 'uploadingApollo' : 'uploading')}</p>
        <progress part="progress" aria-label=${t('uploadProgress')} max=${Math.max(1, upload.total)} value=${upload.loaded}></progress>`,
    controls: () => nothing,
  },
  processing: {
    body: (ctx) => {
      const { snapshot, t } = ctx;
      if (ctx.following || snapshot.handoffLink) return renderFollowing(ctx);
      return html`<p class="hint" role="status" tabindex="-1" data-focus-fallback>${t(snapshot.machine.steps.length > 1 ? 'processingApollo' : 'processing')}</p>
        <progress part="progress" aria-label=${t('processing')}></progress>`;
    },
    controls: () => nothing,
  },
  complete: {
    body: ({ snapshot, t, lang, hostMode, model }) => {
      const outcome = snapshot.outcome;
      const options = { t, lang, hostMode, model, warnings: outcome?.warnings ?? [] };
      return html`<section part="results" tabindex="-1" data-focus-fallback>${renderResultViews(outcome?.views ?? [], options)}</section>
        ${renderNextStep(outcome?.views ?? [], options)}`;
    },
    controls: () => nothing,
  },
};
