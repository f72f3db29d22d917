/** Runs in a Chromium without the auto-accepting permission UI: the microphone is denied for real. */
import { expect } from '@open-wc/testing';
import { button, createSession, part, recordEvents, recorderFor, waitForState } from '../helpers/element.js';

describe('fault injection: microphone permission denied', () => {
  it('reports mic-permission-denied with guidance and lets the person try again', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session);
    const log = recordEvents(el);
    button(el, 'record-button').click();
    await waitForState(el, 'error', 15_000);
    expect(log.of('thymia-error')).to.deep.equal([
      {
        code: 'mic-permission-denied',
        message: 'Microphone access was blocked. Allow the microphone for this site in your browser settings, then try again.',
        recoverable: true,
      },
    ]);
    expect(part(el, 'error')!.textContent).to.include('Allow the microphone');
    expect(button(el, 'record-button').textContent).to.match(/Try again/);
    expect(log.states()).to.deep.equal(['requesting-permission', 'error']);
  });
});
