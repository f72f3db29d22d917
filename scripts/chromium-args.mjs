/**
 * How every tool here starts Debian's Chromium: headless-friendly, and quiet
 * on this machine's closed network (background networking, component
 * updates and sync would each try to reach Google). The fake microphone
 * plays a WAV file, or is refused when `denyPermission` is set.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
]);

export function fakeMicrophoneArgs(wavPath, { denyPermission = false } = {}) {
  return [
    ...(denyPermission ? [] : ['--use-fake-ui-for-media-stream']),
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}`,
  ];
}
