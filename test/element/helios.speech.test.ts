import { expect } from '@open-wc/testing';
import {
  button, createSession, inspectRun, nextEvent, part, recordEvents, recorderFor, shownSpeechSeconds, waitForState, waitUntil,
} from '../helpers/element.js';

describe('<thymia-recorder> Helios with a speaking microphone', () => {
  it('goes from Record to rendered biomarker scores, uploading the exact bytes it recorded', async () => {
    const session = await createSession('helios');
    // The real minimum: 10 s of speech.
    const el = await recorderFor(session);
    const log = recordEvents(el);

    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    expect(part(el, 'timer')).to.exist;
    expect(part(el, 'level-meter')).to.exist;
    expect(button(el, 'submit-button').disabled, 'submit waits for speech').to.be.true;

    await waitUntil(() => shownSpeechSeconds(el) >= 2, 'speech is counted live', { timeout: 10_000 });
    expect(part(el, 'speech-meter')!.getAttribute('aria-valuemax')).to.equal('10');
    await waitUntil(() => !button(el, 'submit-button').disabled, 'enough speech to submit', { timeout: 30_000 });
    const level = Number(part(el, 'level-meter')!.getAttribute('aria-valuenow'));
    expect(level, 'level meter moves with the voice').to.be.greaterThan(0);

    const stopped = nextEvent(el, 'thymia-recording-stop');
    button(el, 'stop-button').click();
    const stop = (await stopped).detail;
    expect(stop.recording).to.equal('main');
    expect(stop.speechSeconds).to.be.at.least(10);
    expect(stop.durationSeconds, 'continuous speech fills the bar in about its own time').to.be.below(16);
    expect(stop.mimeType).to.match(/^audio\/(webm|ogg|mp4)/);
    expect(stop.size).to.be.greaterThan(1000);
    await waitForState(el, 'recorded');

    const result = nextEvent(el, 'thymia-result');
    button(el, 'submit-button').click();
    await waitForState(el, 'uploading', 5000).catch(() => undefined);
    const { detail } = await result;
    await waitForState(el, 'complete');

    expect(detail.model).to.equal('helios');
    expect(detail.modelRunId).to.equal(session.id);
    expect((detail.response as { status: string }).status).to.equal('COMPLETE_OK');
    expect(log.of('thymia-upload-complete')).to.deep.equal([{ recording: 'main' }]);
    const progress = log.of('thymia-upload-progress');
    expect(progress.length).to.be.greaterThan(0);
    expect(progress.at(-1)!.loaded).to.equal(progress.at(-1)!.total);
    expect(log.of('thymia-status').map((s) => s.status)).to.include('COMPLETE_OK');
    expect(log.of('thymia-result')).to.have.length(1);
    expect(log.states()).to.deep.equal(['requesting-permission', 'recording', 'recorded', 'uploading', 'processing', 'complete']);

    const run = await inspectRun(session.id);
    expect(run.uploads.main.size).to.equal(stop.size);
    expect(run.uploads.main.contentType, 'Content-Type is the base MIME type').to.equal(stop.mimeType.split(';')[0]);
    expect(run.uploads.main.headers.cookie).to.equal(undefined);

    const results = part(el, 'results')!;
    expect(results.textContent).to.include('Moderately high');
    expect(results.textContent).to.include('Moderately low');
    expect(results.textContent).to.include('not a medical diagnosis');
    expect(results.querySelectorAll('[role="meter"]').length).to.equal(6);
    console.log(`speech fixture: ${stop.speechSeconds.toFixed(1)} s of speech in ${stop.durationSeconds.toFixed(1)} s`);
  });
});
