/**
 * Which microphone to record from. Browsers pick the system default, which
 * is often wrong (a muted headset, a webcam across the room); the person can
 * choose, and the choice is remembered per storage key.
 */

export interface AudioInput {
  readonly deviceId: string;
  /** Empty until the page has microphone permission. */
  readonly label: string;
}

/**
 * The audio inputs the browser lists. Before permission, browsers list at
 * most one placeholder without a deviceId; it is left out, so an empty list
 * means "nothing to choose from yet".
 */
export async function listAudioInputs(mediaDevices: Pick<MediaDevices, 'enumerateDevices'> | undefined = globalThis.navigator?.mediaDevices): Promise<AudioInput[]> {
  if (typeof mediaDevices?.enumerateDevices !== 'function') return [];
  try {
    const devices = await mediaDevices.enumerateDevices();
    return devices
      .filter((device) => device.kind === 'audioinput' && device.deviceId !== '')
      .map((device) => ({ deviceId: device.deviceId, label: device.label }));
  } catch {
    return [];
  }
}

/** Calls `onChange` when inputs come or go (a headset plugged in); returns the cleanup. */
export function watchAudioInputs(onChange: () => void, mediaDevices: EventTarget | undefined = globalThis.navigator?.mediaDevices): () => void {
  mediaDevices?.addEventListener('devicechange', onChange);
  return () => mediaDevices?.removeEventListener('devicechange', onChange);
}

function choiceKey(storageKey: string): string {
  return `thymia-recorder:${storageKey}:microphone`;
}

/**
 * Device ids are per origin and persist across visits, so the choice is
 * worth keeping. Storage may be unavailable (sandboxed frames, blocked
 * cookies): then the choice lasts for the page only.
 */
export function rememberAudioInput(storageKey: string, deviceId: string | undefined, storage: Storage | undefined = safeLocalStorage()): void {
  try {
    if (deviceId) storage?.setItem(choiceKey(storageKey), deviceId);
    else storage?.removeItem(choiceKey(storageKey));
  } catch {
    // Quota or blocked storage: nothing else to do.
  }
}

export function rememberedAudioInput(storageKey: string, storage: Storage | undefined = safeLocalStorage()): string | undefined {
  try {
    return storage?.getItem(choiceKey(storageKey)) || undefined;
  } catch {
    return undefined;
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    // Reading the property itself throws where cookies are blocked.
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
