import { css } from 'lit';

/**
 * Styles for consent, sleep times, the microphone choice and the quality
 * warning: adopted after the element's own sheet when these views load.
 */
export const preflightStyles = css`
  /* Consent, sleep times, microphone choice: native controls with visible labels and 24px+ targets (WCAG 2.5.8). */
  .consent,
  .sleep-times {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_track);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .consent-title {
    margin: 0 0 0.25rem;
  }
  .consent-text p {
    margin: 0 0 0.5rem;
  }
  .consent-label {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    font-weight: 600;
    cursor: pointer;
  }
  /* A 44 px target, as every control (a thumb, not a mouse pointer). */
  input[type='checkbox'] {
    flex: none;
    width: 44px;
    height: 44px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .sleep-times legend {
    padding: 0 0.25rem;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0;
  }
  /* Fieldsets and date inputs are as wide as their content by default (Firefox's datetime-local is): fit a 320 px phone. */
  .sleep-times,
  .field {
    min-width: 0;
  }
  .field input,
  .field select {
    width: 100%;
    min-width: 0;
    min-height: 44px;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .device-select {
    margin: 0 0 1rem;
  }
  .quality-warning {
    margin: 1rem 0 0;
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--_caution);
    background: color-mix(in srgb, var(--_caution) 6%, transparent);
  }
  .quality-warning p {
    margin: 0;
    color: var(--_caution);
  }
  .quality-warning ul {
    margin: 0.5rem 0 0;
    padding-left: 1.2rem;
  }
  .quality-warning .controls {
    margin-top: 0.75rem;
  }
`;
