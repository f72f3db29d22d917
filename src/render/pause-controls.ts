/**
 * A paused take: why it paused, in words, and Resume. The sentence is not a
 * live region itself: the announcer reads it once (a visible alert would be
 * read twice), and it stays on screen until the person resumes or stops.
 */
import { html, nothing } from 'lit';
import { button, type PanelContext, type Part } from './panel-parts.js';

/** Why the take is paused, shown above the meters; nothing while it runs. */
export function renderPausedNotice({ snapshot: { paused } }: PanelContext): Part {
  if (!paused) return nothing;
  return html`<p part="paused" class="pause-notice" data-reason=${paused.reason} tabindex="-1" data-focus-fallback>${paused.message}</p>`;
}

/** `pause-button` while recording, `resume-button` (first, the likely next step) while paused. */
export function renderPauseControl({ snapshot: { paused }, t, actions }: PanelContext): Part {
  return paused
    ? button('resume-button', t('resume'), actions.resume, { primary: true })
    : button('pause-button', t('pause'), actions.pause);
}
