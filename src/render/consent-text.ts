/**
 * The consent text the person saw, for `thymia-consent`'s `text`: the page's
 * slotted content when there is any, else the default.
 */
export function consentTextShown(slot: HTMLSlotElement | null | undefined, defaultText: string): string {
  const slotted = slot?.assignedNodes({ flatten: true }) ?? [];
  const text = slotted
    .map((node) => node.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || defaultText;
}
