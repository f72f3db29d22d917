import { css } from 'lit';

/**
 * Styles for the Apollo steps, every results view (Helios, Apollo, calls,
 * questionnaires) and the activity hand-off: adopted after the element's
 * own sheet when these views load, so a Helios page's first load carries none.
 */
export const protocolStyles = css`
  /* Japanese split into words by Intl.Segmenter (engines without word-break: auto-phrase): lines break only between them. */
  .phrases {
    word-break: keep-all;
  }
  .passage {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 6%, transparent);
    font-size: 1.05em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .steps li[aria-current='step'] {
    color: var(--_text);
    font-weight: 600;
  }
  .steps li[data-done]::before {
    content: '✓ ';
  }
  [part~='results'] h3 {
    margin: 0 0 0.75rem;
  }
  .biomarkers,
  .symptoms {
    list-style: none;
    margin: 0.75rem 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  .biomarker,
  .strain {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }
  .biomarker .bar,
  .strain .bar {
    grid-column: 1 / -1;
  }
  .bar-value {
    grid-column: 1 / -1;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .bucket {
    font-weight: 600;
  }
  .caution {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_caution);
    color: var(--_caution);
    background: color-mix(in srgb, var(--_caution) 6%, transparent);
  }
  .caution ul {
    margin: 0.25rem 0 0;
    padding-left: 1.2rem;
  }
  .next-step {
    margin: 1rem 0 0;
    font-weight: 600;
  }
  .disclaimer {
    font-size: 0.85em;
    color: var(--_muted);
  }
  summary {
    min-height: 44px;
    padding: 0.6rem 0;
    cursor: pointer;
  }
  .transcript p {
    white-space: pre-wrap;
  }
  .question {
    font-size: 1.15em;
    margin: 0 0 0.5rem;
  }
  /* A box of its own that scrolls, so the speech bar and Stop stay on a phone's screen beside it. */
  .passage {
    margin: 0.75rem 0 0;
    max-height: 40vh;
    max-height: 40svh;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .passage p {
    margin: 0.25rem 0 0;
  }
  .clinician-notice {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 6%, transparent);
    font-size: 0.9em;
  }
  .disorders {
    list-style: none;
    margin: 0.75rem 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  .disorder {
    display: grid;
    gap: 0.25rem;
  }
  .disorder-name,
  .band {
    font-weight: 600;
  }
  .figure,
  .benchmark,
  .symptom-severity,
  .chart-value {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .disorder .bar-value {
    display: none;
  }
  .symptom-group h4,
  .report h4,
  .call h4 {
    margin: 1rem 0 0.25rem;
  }
  .symptom {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.2rem 0.75rem;
  }
  .distribution {
    grid-column: 1 / -1;
    display: flex;
    height: 0.6rem;
    border-radius: 999px;
    overflow: hidden;
    background: var(--_track);
  }
  .segment,
  .swatch {
    background: var(--_level);
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin: 0 0.25em 0 0.5em;
    border-radius: 2px;
    vertical-align: -0.1em;
  }
  [data-level='none'] {
    --_level: #d5dbe1;
  }
  [data-level='mild'] {
    --_level: #f2c14e;
  }
  [data-level='moderate'] {
    --_level: #e07a2f;
  }
  [data-level='severe'] {
    --_level: #b42318;
  }
  .model-version {
    margin-top: 0.5rem;
  }
  .legend {
    margin: 0 0 0.25rem;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .report-links {
    display: flex;
    gap: 1rem;
    margin: 0 0 0.25rem;
  }
  a {
    color: var(--_accent);
  }
  .chart {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .chart-row {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 2fr auto;
    gap: 0.75rem;
    align-items: center;
  }
  .call-facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .call-facts dt {
    color: var(--_muted);
  }
  .call-facts dd {
    margin: 0;
  }
  .turns {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .role {
    font-weight: 600;
  }
  .activity iframe {
    display: block;
    width: 100%;
    min-height: 28rem;
    margin-top: 0.75rem;
    border: 1px solid var(--_track);
    border-radius: var(--_radius);
  }
  .button-link {
    display: inline-block;
    padding: 0.6rem 1.2rem;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    text-decoration: none;
  }
`;
