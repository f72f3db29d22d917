/**
 * Everything the flow needs from the network, as one module it imports on
 * demand: nothing here is needed before the person has recorded (or, when
 * following a call, before the first status request).
 */
export { resolveAdapter } from './adapters/index.js';
export { pollStatus } from './poller.js';
export { localIsoTime } from './session.js';
export { deliverTakes, isHandoff, mintDestination } from './submission.js';
