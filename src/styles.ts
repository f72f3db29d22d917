import { css } from 'lit';

export const recorderStyles = css`
  :host {
    --_accent: var(--thymia-accent, #4f46e5);
    --_on-accent: var(--thymia-on-accent, #fff);
    --_surface: var(--thymia-surface, #fff);
    --_text: var(--thymia-text, #1f2933);
    --_muted: var(--thymia-muted, #52606d);
    --_track: var(--thymia-track, #e4e7eb);
    --_danger: var(--thymia-danger, #b42318);
    --_caution: var(--thymia-caution, #8a5a00);
    --_radius: var(--thymia-radius, 12px);
    display: block;
    box-sizing: border-box;
    max-width: 36rem;
    padding: 1.25rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: var(--thymia-font, 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    /* No word wider than a 320 px phone pushes the element sideways; Japanese wraps between phrases where the engine can tell them apart (others drop the value). */
    overflow-wrap: anywhere;
    word-break: auto-phrase;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part~='prompt'] {
    margin: 0 0 1rem;
  }
  [part~='prompt'] p {
    margin: 0;
  }
  .title {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .more {
    margin: 0.25rem 0 0;
  }
  .more summary {
    min-height: 44px;
    padding: 0.6rem 0;
    color: var(--_accent);
    cursor: pointer;
  }
  .more p {
    color: var(--_muted);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0.6rem 1.2rem;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) / 1.5);
    background: transparent;
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  /* Every focusable control: an opaque ring in the accent colour, offset so it shows on filled buttons too (WCAG 2.4.7, 1.4.11). */
  :is(button, a[href], summary, input, select, textarea, iframe, [tabindex]):focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* Result bars and the live meters (whose motion comes with the take views). */
  .bar {
    display: block;
    position: relative;
    height: 0.6rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .bar-fill {
    display: block;
    height: 100%;
    background: var(--_accent);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  [part~='progress'] {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_accent);
  }
  [part~='error'] {
    margin: 1rem 0 0;
    padding: 0.75rem 1rem;
    border-radius: calc(var(--_radius) / 1.5);
    border: 1px solid color-mix(in srgb, var(--_danger) 40%, transparent);
    background: color-mix(in srgb, var(--_danger) 6%, transparent);
    color: var(--_danger);
  }
  [part~='error'][data-tone='info'] {
    border-color: color-mix(in srgb, var(--_caution) 40%, transparent);
    background: color-mix(in srgb, var(--_caution) 6%, transparent);
    color: var(--_caution);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
