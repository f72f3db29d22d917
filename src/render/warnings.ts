import { html, nothing } from 'lit';

/** thymia's warnings about a result, as a caution beside it (text only, never markup). */
export function warningsBlock(warnings: readonly string[], heading: string) {
  return warnings.length
    ? html`<div class="caution" role="note" part="warnings">
        <strong>${heading}</strong>
        <ul>${warnings.map((warning) => html`<li>${warning}</li>`)}</ul>
      </div>`
    : nothing;
}
