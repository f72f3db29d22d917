import { expect } from '@open-wc/testing';
import { button, createSession, part, recorderFor, shownSpeechSeconds, waitForState } from '../helpers/element.js';

describe('<thymia-recorder> with silence, breaths, fan noise and hum', () => {
  it('does not count any of it as speech, so submitting stays impossible', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session);
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const speech = shownSpeechSeconds(el);
    console.log(`silence fixture: ${speech.toFixed(1)} s of speech counted in 20 s`);
    expect(speech).to.be.below(1.5);
    expect(button(el, 'submit-button').disabled).to.be.true;
    button(el, 'stop-button').click();
    await waitForState(el, 'recorded');
    expect(part(el, 'error')!.textContent).to.match(/need 10 s/);
    expect(button(el, 'submit-button').disabled).to.be.true;
  });
});
