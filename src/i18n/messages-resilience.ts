/**
 * Strings for restoring a recording an earlier page kept, in their own
 * module so this feature's copy is edited without touching the main catalogue.
 */
export const RESILIENCE_EN = {
  restoredOffer:
    'A recording from earlier ({duration}, {speech} s of speech) was kept on this device and has not been sent yet. Send it now, or discard it and record again.',
  restoredTooShort:
    'A recording from earlier ({duration}) was kept on this device, but it holds only {speech} s of speech. Discard it and record again.',
  restoreUpload: 'Send recording',
  discard: 'Discard',
} as const;

export const RESILIENCE_ES: Partial<Record<keyof typeof RESILIENCE_EN, string>> = {
  restoredOffer:
    'Se guardó en este dispositivo una grabación anterior ({duration}, {speech} s de habla) que aún no se ha enviado. Envíala ahora o descártala y graba de nuevo.',
  restoredTooShort:
    'Se guardó en este dispositivo una grabación anterior ({duration}), pero solo tiene {speech} s de habla. Descártala y graba de nuevo.',
  restoreUpload: 'Enviar grabación',
  discard: 'Descartar',
};
