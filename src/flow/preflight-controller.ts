/**
 * What happens before the first recording: the consent the page may require,
 * when the person slept (`ask-sleep`), which microphone to use, and whether
 * this page can record at all (checked on connect, said before anyone tries).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { listAudioInputs, rememberAudioInput, rememberedAudioInput, watchAudioInputs, type AudioInput } from '../capture/devices.js';
import { diagnose, type Diagnosis } from '../capture/diagnose.js';
import type { ConsentDetail } from '../events.js';

export interface PreflightOptions {
  readonly storageKey: () => string;
  /** The microphone to ask for next (the capture controller's `deviceId`). */
  readonly useDevice: (deviceId: string | undefined) => void;
  readonly onUnavailable: (diagnosis: Diagnosis) => void;
  readonly onConsent: (detail: ConsentDetail) => void;
}

export class PreflightController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly isConnected: boolean };
  readonly #options: PreflightOptions;
  #consentAccepted = false;
  #inputs: readonly AudioInput[] = [];
  #selectedDevice: string | undefined;
  #unwatch: (() => void) | undefined;
  #later: ReturnType<typeof setTimeout> | undefined;
  /** As the person typed them (`datetime-local` values), '' when left empty. */
  sleepInput = '';
  wakeInput = '';

  constructor(host: ReactiveControllerHost & { readonly isConnected: boolean }, options: PreflightOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get consentAccepted(): boolean {
    return this.#consentAccepted;
  }

  get inputs(): readonly AudioInput[] {
    return this.#inputs;
  }

  get selectedDevice(): string | undefined {
    return this.#selectedDevice;
  }

  hostConnected(): void {
    // Before the first render: a page that cannot record never shows an enabled Record button.
    const problem = diagnose();
    if (problem) this.#options.onUnavailable(problem);
    // The microphone choice after it, in a task of its own: the first read of localStorage and the device
    // list are browser round trips (tens of ms at 4× CPU) the first screen does not need.
    void this.#host.updateComplete.then(() => {
      this.#later = setTimeout(() => this.settle());
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.#later);
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /** Reads the remembered microphone and starts watching the inputs, once per connection; also called by Record, which may come first. */
  settle(): void {
    clearTimeout(this.#later);
    if (this.#unwatch || !this.#host.isConnected) return;
    this.#selectedDevice = rememberedAudioInput(this.#options.storageKey());
    this.#options.useDevice(this.#selectedDevice);
    this.#unwatch = watchAudioInputs(() => void this.refreshDevices());
    void this.refreshDevices();
  }

  /** Ticked (or unticked) by the person; a tick is reported with the text they were shown. */
  setConsent(accepted: boolean, text: string): void {
    if (accepted === this.#consentAccepted) return;
    this.#consentAccepted = accepted;
    this.#host.requestUpdate();
    if (accepted) this.#options.onConsent({ accepted: true, text, at: new Date().toISOString() });
  }

  setSleep(value: string): void {
    this.sleepInput = value;
    this.#host.requestUpdate();
  }

  setWake(value: string): void {
    this.wakeInput = value;
    this.#host.requestUpdate();
  }

  selectDevice(deviceId: string): void {
    this.#selectedDevice = deviceId || undefined;
    rememberAudioInput(this.#options.storageKey(), this.#selectedDevice);
    this.#options.useDevice(this.#selectedDevice);
    this.#host.requestUpdate();
  }

  /** Labels arrive only after permission: listed again once recording starts, and on every device change. */
  async refreshDevices(): Promise<void> {
    const inputs = await listAudioInputs().catch(() => []);
    this.#inputs = inputs;
    // A remembered microphone that is gone (unplugged headset): back to the default.
    // (Before permission browsers list inputs without ids, which proves nothing.)
    const listed = inputs.length > 0 && inputs.every((input) => input.deviceId);
    if (this.#selectedDevice && listed && !inputs.some((input) => input.deviceId === this.#selectedDevice)) {
      this.#selectedDevice = undefined;
      this.#options.useDevice(undefined);
    }
    this.#host.requestUpdate();
  }
}
