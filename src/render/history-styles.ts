import { css } from 'lit';

/** The history view's styles, adopted with its chunk. Colours follow the element's own properties (a host's dark theme too). */
export const historyStyles = css`
  .history {
    margin-top: 1.25rem;
    padding-top: 1rem;
    border-top: 1px solid var(--_track);
  }
  .history h3 {
    margin: 0 0 0.75rem;
  }
  .history-measures {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .history-measure {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }
  .history-comparison {
    font-weight: 600;
  }
  .trend {
    grid-column: 1 / -1;
    justify-self: start;
    width: 12rem;
    max-width: 100%;
    height: auto;
    aspect-ratio: 3;
    overflow: visible;
    animation: thymia-trend-in 0.4s ease-out;
  }
  .trend-line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .trend-baseline {
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 4 3;
    vector-effect: non-scaling-stroke;
  }
  .trend-now {
    fill: var(--_accent);
  }
  .history-progress {
    font-weight: 600;
  }
  .history-note {
    color: var(--_muted);
    font-size: 0.9em;
  }
  @keyframes thymia-trend-in {
    from {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .trend {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .trend-line,
    .trend-baseline {
      stroke: CanvasText;
    }
    .trend-now {
      fill: CanvasText;
    }
  }
`;
