/**
 * Everything a Helios page needs only after the person presses Record:
 * results views, the Apollo steps, the activity hand-off and their styles.
 * Loaded on demand (its own chunk), so a first load stays small.
 */
export { renderApolloPrompt, renderStepIndicator } from './apollo-steps.js';
export { protocolStyles as styles } from './protocol-styles.js';
export { phaseViews } from './phase-views.js';
export { announcementFor } from './announcements.js';
