/**
 * Hand-off to a thymia activity (Activity Plugin, or a voice-agent call
 * without a phone number): the person does the activity elsewhere and the
 * element keeps polling the status URL. A new tab by default; an embedded
 * frame, allowed the microphone, when the host sets `activity-mode="iframe"`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/messages.js';
import { activityUrl } from './safe-url.js';

export const ACTIVITY_MODES = { tab: 'tab', iframe: 'iframe' } as const;
export type ActivityMode = (typeof ACTIVITY_MODES)[keyof typeof ACTIVITY_MODES];

export function renderActivityHandoff(link: string, mode: ActivityMode, t: Translate): TemplateResult {
  const url = activityUrl(link);
  if (!url) return html`<p class="hint" part="activity" data-unavailable>${t('activityUnavailable')}</p>`;
  return html`<div class="activity" part="activity" data-mode=${mode}>
    <p>${t('activityIntro')}</p>
    ${mode === 'iframe'
      ? html`<iframe part="activity-frame" src=${url} allow="microphone" title=${t('activityFrameTitle')}></iframe>`
      : html`<a part="activity-link" class="button-link" href=${url} target="_blank" rel="noopener noreferrer">${t('activityOpen')}</a>`}
  </div>`;
}

/** Shown while following a call or activity: the platform's status as text. */
export function renderFollowStatus(status: string | undefined, t: Translate): TemplateResult {
  return html`<p class="hint" role="status">
    ${t('followWaiting')} ${status ? html`<span class="follow-status" data-status=${status}>${t('followStatus', { status })}</span>` : nothing}
  </p>`;
}
