import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { consentTextShown, renderConsentPanel } from '../../src/render/consent-panel.js';
import { renderDeviceSelect } from '../../src/render/device-select.js';
import { renderQualityWarning } from '../../src/render/quality-warning.js';
import { localNow, renderSleepTimes, toThymiaLocalTime } from '../../src/render/sleep-times.js';

/** Message ids come back bracketed, so the test sees which id each text came from. */
const t = (id: string) => `[${id}]`;

/** Renders into a shadow root (as the element does), with `light` as the host's children. */
async function mount(template: TemplateResult, light = '') {
  const host = await fixture<HTMLDivElement>(testHtml`<div></div>`);
  host.innerHTML = light;
  const root = host.attachShadow({ mode: 'open' });
  const rerender = (next: TemplateResult) => render(next, root);
  rerender(template);
  return { host, root, rerender };
}

const labelOf = (control: Element) => (control.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('consent panel', () => {
  it('shows the default text and a real, labelled checkbox that reports ticking', async () => {
    const changes: boolean[] = [];
    const { root } = await mount(renderConsentPanel({ t, defaultText: 'We record your voice for thymia.', accepted: false, onChange: (v) => changes.push(v) }));
    expect(root.querySelector('[part="consent"]')).to.exist;
    const slot = root.querySelector<HTMLSlotElement>('slot[name="consent"]')!;
    expect(slot.assignedNodes()).to.have.length(0);
    expect(slot.textContent!.trim()).to.equal('We record your voice for thymia.');
    const box = root.querySelector<HTMLInputElement>('[part="consent-checkbox"]')!;
    expect(box.tagName).to.equal('INPUT');
    expect(box.type).to.equal('checkbox');
    expect(box.checked).to.be.false;
    expect(labelOf(box)).to.equal('[consentCheckbox]');
    // Clicking the visible label ticks the box, as with any form control.
    box.closest('label')!.querySelector('span')!.click();
    expect(box.checked).to.be.true;
    box.click();
    expect(changes).to.deep.equal([true, false]);
    expect(consentTextShown(slot, 'We record your voice for thymia.')).to.equal('We record your voice for thymia.');
  });

  it('takes the page’s own wording from slot consent, and reports it as the text shown', async () => {
    const { root } = await mount(
      renderConsentPanel({ t, defaultText: 'default', accepted: true, onChange: () => undefined }),
      '<div slot="consent"><p>Acme Health records your voice.</p>\n  <p>Read our <a href="/privacy">privacy notice</a>.</p></div>',
    );
    const slot = root.querySelector<HTMLSlotElement>('slot[name="consent"]')!;
    expect(slot.assignedNodes()).to.have.length(1);
    expect(consentTextShown(slot, 'default')).to.equal('Acme Health records your voice. Read our privacy notice.');
    expect(root.querySelector<HTMLInputElement>('[part="consent-checkbox"]')!.checked).to.be.true;
  });
});

describe('sleep times', () => {
  it('asks for both times in real, labelled, optional inputs and reports what is entered', async () => {
    const got: string[] = [];
    const { root } = await mount(
      renderSleepTimes({ t, sleepTime: '', wakeTime: '', onSleepTime: (v) => got.push(`sleep ${v}`), onWakeTime: (v) => got.push(`wake ${v}`), max: '2026-11-23T09:00' }),
    );
    const sleep = root.querySelector<HTMLInputElement>('[part="sleep-time"]')!;
    const wake = root.querySelector<HTMLInputElement>('[part="wake-time"]')!;
    expect([sleep.type, wake.type]).to.deep.equal(['datetime-local', 'datetime-local']);
    expect([labelOf(sleep), labelOf(wake)]).to.deep.equal(['[sleepTimeLabel]', '[wakeTimeLabel]']);
    expect(sleep.required || wake.required).to.be.false;
    expect(root.querySelector('legend')!.textContent).to.equal('[sleepOptionalHint]');
    sleep.value = '2026-11-22T23:30';
    sleep.dispatchEvent(new Event('change'));
    wake.value = '2026-11-23T07:10';
    wake.dispatchEvent(new Event('change'));
    expect(got).to.deep.equal(['sleep 2026-11-22T23:30', 'wake 2026-11-23T07:10']);
    expect(sleep.max).to.equal('2026-11-23T09:00');
  });

  it('turns the inputs’ values into thymia’s local time format', () => {
    expect(toThymiaLocalTime('2026-11-22T23:30')).to.equal('2026-11-22T23:30:00');
    expect(toThymiaLocalTime('2026-11-22T23:30:15')).to.equal('2026-11-22T23:30:15');
    expect(toThymiaLocalTime('2026-11-22T23:30:15.250')).to.equal('2026-11-22T23:30:15');
    expect(toThymiaLocalTime('')).to.equal(undefined);
    expect(toThymiaLocalTime('23:30')).to.equal(undefined);
    expect(localNow(new Date(2026, 0, 5, 7, 3, 59))).to.equal('2026-01-05T07:03');
  });
});

describe('quality warning', () => {
  it('gives one piece of advice per issue and offers retake or submit anyway', async () => {
    const chosen: string[] = [];
    const { root } = await mount(
      html`${renderQualityWarning({ t, issues: ['processing-on', 'too-quiet'], onRetake: () => chosen.push('retake'), onSubmitAnyway: () => chosen.push('submit') })}`,
    );
    const warning = root.querySelector('[part="quality-warning"]')!;
    expect(warning.getAttribute('role')).to.equal('status');
    expect([...warning.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['[qualityTooQuiet]', '[qualityProcessingOn]']);
    warning.querySelector<HTMLButtonElement>('[part~="retake-button"]')!.click();
    warning.querySelector<HTMLButtonElement>('[part~="submit-anyway-button"]')!.click();
    expect(chosen).to.deep.equal(['retake', 'submit']);
    expect(warning.querySelector('[part~="submit-anyway-button"]')!.textContent!.trim()).to.equal('[submitAnyway]');
  });

  it('shows nothing for a clean recording', async () => {
    const { root } = await mount(html`${renderQualityWarning({ t, issues: [], onRetake: () => undefined, onSubmitAnyway: () => undefined })}`);
    expect(root.querySelector('[part="quality-warning"]')).to.equal(null);
  });
});

describe('device select', () => {
  const inputs = [
    { deviceId: 'default', label: 'Default - Built-in Microphone' },
    { deviceId: 'usb', label: 'USB Headset' },
    { deviceId: 'nolabel', label: '' },
  ];

  it('is a real, labelled select of the inputs with the choice selected', async () => {
    const picked: string[] = [];
    const { root } = await mount(html`${renderDeviceSelect({ t, inputs, selected: 'usb', onSelect: (id) => picked.push(id) })}`);
    const select = root.querySelector<HTMLSelectElement>('[part="device-select"]')!;
    expect(select.tagName).to.equal('SELECT');
    expect(labelOf(select)).to.contain('[deviceSelectLabel]');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Default - Built-in Microphone', 'USB Headset', '[deviceSelectLabel] 3']);
    expect(select.value).to.equal('usb');
    select.value = 'default';
    select.dispatchEvent(new Event('change'));
    expect(picked).to.deep.equal(['default']);
  });

  it('is not shown when there is nothing to choose, and falls back to the first input when the choice is gone', async () => {
    const { root, rerender } = await mount(html`${renderDeviceSelect({ t, inputs: inputs.slice(0, 1), selected: undefined, onSelect: () => undefined })}`);
    expect(root.querySelector('[part="device-select"]')).to.equal(null);
    rerender(html`${renderDeviceSelect({ t, inputs, selected: 'unplugged', onSelect: () => undefined })}`);
    expect(root.querySelector<HTMLSelectElement>('[part="device-select"]')!.value).to.equal('default');
  });
});
