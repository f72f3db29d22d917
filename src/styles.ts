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
  .live {
    display: grid;
    gap: 0.75rem;
  }
  [part~='timer'] {
    font-variant-numeric: tabular-nums;
    font-size: 1.5em;
    font-weight: 600;
  }
  .recording-dot {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-right: 0.4em;
    border-radius: 50%;
    background: var(--_danger);
    /* Two states, not a fade: a stepped animation wakes the page twice a second, a fade every frame. */
    animation: pulse 1.2s steps(1) infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .recording-dot {
      animation: none;
    }
  }
  /* Paused: the dot holds still and dims, so the person sees at a glance nothing is being recorded. */
  .recording-dot.is-paused {
    animation: none;
    opacity: 0.35;
  }
  .pause-notice {
    margin: 0 0 0.5rem;
    padding: 0.6rem 0.75rem;
    border-left: 4px solid var(--_caution);
    background: color-mix(in srgb, var(--_caution) 12%, transparent);
  }
  [part~='level-meter'],
  [part~='speech-meter'],
  .bar {
    display: block;
    position: relative;
    height: 0.6rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .meter-fill,
  .bar-fill {
    display: block;
    height: 100%;
    background: var(--_accent);
  }
  /* The live meters move with each update, without a transition: one eased between updates would redraw every frame. */
  .meter-fill {
    transform: scaleX(var(--value, 0));
    transform-origin: 0;
  }
  [part~='speech-meter'] .meter-fill {
    background: var(--thymia-speech, #0e9f6e);
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
