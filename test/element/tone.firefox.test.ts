import { expect } from '@open-wc/testing';
import { button, createSession, inspectRun, nextEvent, part, recorderFor, shownSpeechSeconds, waitForState, waitUntil } from '../helpers/element.js';

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

  it('records Ogg/Opus and uploads it with its base MIME type when no speech minimum applies', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session, { 'min-speech-seconds': '0' });
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stopped = nextEvent(el, 'thymia-recording-stop');
    button(el, 'stop-button').click();
    const stop = (await stopped).detail;
    expect(stop.mimeType).to.match(/^audio\/(ogg|webm)/);
    expect(stop.size).to.be.greaterThan(500);
    await el.submit();
    await waitForState(el, 'complete');
    const run = await inspectRun(session.id);
    expect(run.uploads.main.size).to.equal(stop.size);
    expect(run.uploads.main.contentType).to.equal(stop.mimeType.split(';')[0]);
    expect(part(el, 'results')!.textContent).to.include('Moderately high');
  });
});
