import { html, type TemplateResult } from 'lit';

/** The message ids this view shows; any `Translate` whose catalogue has them fits. */
export type ConsentMessage = 'consentTitle' | 'consentCheckbox';

export interface ConsentPanelOptions {
  readonly t: (id: ConsentMessage) => string;
  /** Plain text shown when the page puts nothing in slot `consent`: what is recorded, who receives it and why. */
  readonly defaultText: string;
  readonly accepted: boolean;
  /** No microphone may be asked for before this says true. */
  readonly onChange: (accepted: boolean) => void;
  readonly disabled?: boolean;
}

/**
 * Consent before the microphone: the page's own wording in slot `consent`
 * (its lawyers', in its language), else a plain default, and a real checkbox
 * with a visible label, so keyboard, screen reader and voice control users
 * tick it like any form control.
 */
export function renderConsentPanel({ t, defaultText, accepted, onChange, disabled = false }: ConsentPanelOptions): TemplateResult {
  return html`<section part="consent" class="consent" aria-labelledby="consent-title">
    <p id="consent-title" class="consent-title"><strong>${t('consentTitle')}</strong></p>
    <div id="consent-text" class="consent-text">
      <slot name="consent"><p>${defaultText}</p></slot>
    </div>
    <label class="consent-label">
      <input
        type="checkbox"
        part="consent-checkbox"
        aria-describedby="consent-text"
        .checked=${accepted}
        ?disabled=${disabled}
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      <span>${t('consentCheckbox')}</span>
    </label>
  </section>`;
}

export { consentTextShown } from './consent-text.js';
