import { html, nothing } from 'lit';
import type { AudioInput } from '../capture/devices.js';

export type DeviceSelectMessage = 'deviceSelectLabel';

export interface DeviceSelectOptions {
  readonly t: (id: DeviceSelectMessage) => string;
  readonly inputs: readonly AudioInput[];
  /** The chosen deviceId; undefined for the browser's default (the first listed). */
  readonly selected: string | undefined;
  readonly onSelect: (deviceId: string) => void;
  readonly disabled?: boolean;
}

/**
 * The microphone choice, shown only when there is a choice (more than one
 * input). A native `<select>` with a visible label: it works with every
 * keyboard, screen reader and phone picker.
 */
export function renderDeviceSelect({ t, inputs, selected, onSelect, disabled = false }: DeviceSelectOptions) {
  if (inputs.length < 2) return nothing;
  const current = inputs.some((input) => input.deviceId === selected) ? selected : inputs[0].deviceId;
  return html`<label class="field device-select">
    <span>${t('deviceSelectLabel')}</span>
    <select part="device-select" ?disabled=${disabled} @change=${(event: Event) => onSelect((event.target as HTMLSelectElement).value)}>
      ${inputs.map(
        (input, index) =>
          html`<option value=${input.deviceId} ?selected=${input.deviceId === current}>${input.label || `${t('deviceSelectLabel')} ${index + 1}`}</option>`,
      )}
    </select>
  </label>`;
}
