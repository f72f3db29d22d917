// @ts-check
/**
 * Waits (Playwright) until a page's first `<thymia-recorder>` shows an enabled Record button: the
 * moment a person can start. Shared by the CI demo check and the first-load measure.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function recordButtonEnabled(page, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      const button = document.querySelector('thymia-recorder')?.shadowRoot?.querySelector('[part~="record-button"]');
      return button instanceof HTMLButtonElement && !button.disabled;
    },
    undefined,
    { timeout },
  );
}
