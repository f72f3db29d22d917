import { expect } from '@open-wc/testing';
import { button, createSession, part, recorderFor, shownSpeechSeconds, waitForState, waitUntil } from '../helpers/element.js';

/** Firefox's fake microphone plays a steady tone: sound, but not speech. */
describe('<thymia-recorder> in Firefox with a tone for a microphone', () => {
  it('runs in Firefox', () => {
    expect(navigator.userAgent).to.include('Firefox');
  });

  it('hears the tone on the level meter but does not count it as speech', async () => {
    const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '3' });
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await waitUntil(() => Number(part(el, 'level-meter')!.getAttribute('aria-valuenow')) > 0, 'the meter moves', { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 5000));
    console.log(`firefox tone: ${shownSpeechSeconds(el).toFixed(1)} s of speech counted in 5 s of tone`);
    expect(shownSpeechSeconds(el), 'a steady tone is not speech').to.be.below(1.5);
    expect(button(el, 'submit-button').disabled).to.be.true;
    await el.reset();
    expect(el.state).to.equal('idle');
  });
  // Recording, uploading and the result with this microphone: flow.anymic.test.ts, run in every engine.
});
