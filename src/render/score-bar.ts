import { html } from 'lit';
import type { Translate } from '../i18n/messages.js';
import { percent as wholePercent } from './format.js';
import { styleProperties } from './style-properties.js';

/** A 0…1 score as an accessible horizontal bar with its value as text. */
export function scoreBar(value: number, label: string, t: Translate) {
  const percent = wholePercent(value);
  const text = t('scoreOutOf', { value: percent });
  return html`<span class="bar" role="meter" aria-label=${label} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent} aria-valuetext=${text}>
      <span class="bar-fill" ${styleProperties({ width: `${percent}%` })}></span>
    </span>
    <span class="bar-value">${text}</span>`;
}
