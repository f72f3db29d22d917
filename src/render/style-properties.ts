/**
 * Inline style values (a bar's width, a meter's `--value`) set through the
 * CSSOM, never through a `style` attribute: a page whose CSP has no
 * `'unsafe-inline'` for styles blocks `setAttribute('style', …)` — which
 * Lit's `styleMap` does on first render — but allows `element.style`.
 * Use as an element binding: `<span ${styleProperties({ width: '40%' })}>`.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type StyleValues = Readonly<Record<string, string>>;

class StylePropertiesDirective extends Directive {
  #previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties() is an element binding: <span ${styleProperties({…})}>');
  }

  render(_values: StyleValues): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [values]: [StyleValues]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#previous) if (!(name in values)) style.removeProperty(name);
    for (const [name, value] of Object.entries(values)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(values));
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
