/**
 * axe-core over the safe-capture views (consent, sleep times, quality
 * warning, microphone choice) rendered with the element's own styles, before
 * they are wired into <thymia-recorder>: real controls with visible labels,
 * 24 px targets, and the consent box reachable and ticked from the keyboard.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { renderConsentPanel } from '../../src/render/consent-panel.js';
import { renderDeviceSelect } from '../../src/render/device-select.js';
import { renderQualityWarning } from '../../src/render/quality-warning.js';
import { renderSleepTimes } from '../../src/render/sleep-times.js';
import { preflightStyles } from '../../src/render/preflight-styles.js';
import { recorderStyles } from '../../src/styles.js';
import { expectAccessible, printAxeSummary } from '../helpers/a11y.js';

/** The English wording, kept here so this test does not depend on the catalogue's progress. */
const TEXT: Record<string, string> = {
  consentTitle: 'Before you record',
  consentCheckbox: 'I agree to record my voice for this check',
  sleepTimeLabel: 'When did you fall asleep?',
  wakeTimeLabel: 'When did you wake up?',
  sleepOptionalHint: 'Optional: your last night’s sleep',
  qualityAdvice: 'The recording may not be clear enough',
  qualityMostlySilence: 'We heard mostly silence. Move closer and talk a little longer.',
  qualityTooQuiet: 'Your voice was very quiet. Move closer to the microphone.',
  qualityClipping: 'Your voice was too loud for the microphone. Move back a little.',
  qualityLowSampleRate: 'A headset in call mode records low quality. Use the built-in microphone if you can.',
  qualityProcessingOn: 'The browser is changing the sound. Results may be less accurate.',
  retake: 'Retake',
  submitAnyway: 'Submit anyway',
  deviceSelectLabel: 'Microphone',
};
const t = (id: string) => TEXT[id] ?? id;

class ViewHost extends LitElement {
  // The element's sheet, then the one it adopts when these views load.
  static override styles = [recorderStyles, preflightStyles];
  view: () => unknown = () => html``;
  override render() {
    return this.view();
  }
}
customElements.define('a11y-view-host', ViewHost);

async function hostFor(view: () => unknown): Promise<ViewHost> {
  const host = await fixture<ViewHost>(html`<a11y-view-host></a11y-view-host>`);
  host.view = view;
  host.requestUpdate();
  await host.updateComplete;
  return host;
}

describe('accessibility (axe) of the safe-capture views', () => {
  after(() => printAxeSummary('capture views'));

  it('consent: passes axe, and the checkbox is reached with Tab and ticked with Space', async () => {
    let accepted = false;
    const host = await hostFor(() =>
      renderConsentPanel({
        t,
        defaultText: 'We record your voice and send it to thymia to estimate your wellbeing. Nothing is kept on this device afterwards.',
        accepted,
        onChange: (value) => {
          accepted = value;
          host.requestUpdate();
        },
      }),
    );
    await expectAccessible(host, 'consent');
    const box = host.shadowRoot!.querySelector<HTMLInputElement>('[part="consent-checkbox"]')!;
    const { width, height } = box.getBoundingClientRect();
    expect(Math.min(width, height), 'target size').to.be.at.least(24);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(host.shadowRoot!.activeElement === box, 'Tab reaches the consent checkbox').to.be.true;
    expect(box.matches(':focus-visible')).to.be.true;
    // ' ' rather than 'Space': the one key name every launcher here (Playwright, Puppeteer's Firefox, WebDriver) knows.
    await sendKeys({ press: ' ' });
    expect(accepted).to.be.true;
  });

  it('sleep times, quality warning and microphone choice pass axe', async () => {
    await expectAccessible(
      await hostFor(() => renderSleepTimes({ t, sleepTime: '2026-11-22T23:30', wakeTime: '', onSleepTime: () => undefined, onWakeTime: () => undefined, max: '2026-11-23T09:00' })),
      'sleep times',
    );
    await expectAccessible(
      await hostFor(() => renderQualityWarning({ t, issues: ['mostly-silence', 'too-quiet', 'clipping', 'low-sample-rate', 'processing-on'], onRetake: () => undefined, onSubmitAnyway: () => undefined })),
      'recorded with quality warning',
    );
    const inputs = [
      { deviceId: 'default', label: 'Built-in microphone' },
      { deviceId: 'headset', label: 'USB headset' },
    ];
    await expectAccessible(await hostFor(() => renderDeviceSelect({ t, inputs, selected: 'headset', onSelect: () => undefined })), 'microphone choice');
  });
});
