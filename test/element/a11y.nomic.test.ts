/** axe-core finds no violations once the microphone is denied (a Chromium without the auto-accepting permission UI). */
import { expect } from '@open-wc/testing';
import { expectAccessible, printAxeSummary } from '../helpers/a11y.js';
import { button, createSession, part, recorderFor, waitForState } from '../helpers/element.js';

describe('accessibility (axe) with the microphone denied', () => {
  after(() => printAxeSummary('nomic group'));

  it('error: mic-permission-denied, with the Try again button focusable', async () => {
    const el = await recorderFor(await createSession('helios'));
    button(el, 'record-button').click();
    await waitForState(el, 'error', 15_000);
    await el.updateComplete;
    expect(part(el, 'error')?.dataset.code).to.equal('mic-permission-denied');
    expect(part(el, 'error')?.getAttribute('role')).to.equal('alert');
    const again = button(el, 'record-button');
    expect(again.disabled).to.be.false;
    expect(again.tabIndex).to.equal(0);
    await expectAccessible(el, 'error mic-permission-denied');
  });
});
