/**
 * English, second part: what a plain Helios page does not show before
 * Record — consent, sleep times and the microphone choice (loaded with
 * their views on pages that ask for them), reviewing a take, upload and
 * processing, thymia's model errors, every result view (Helios, Apollo,
 * calls, questionnaires), the Apollo steps and passage, a recording
 * restored from an earlier page, quality advice and following a call.
 * Loaded with import() when Record is pressed, when the page or protocol
 * needs it, or when a string is missing from `en-core.ts`.
 *
 * Existing strings are kept byte for byte: tests and hosts' docs quote them.
 */
export const enRest = {
  // After Record: the review's buttons, upload, analysis (they load when Record is pressed, with their views).
  submit: 'Submit',
  retake: 'Retake',
  continueRecording: 'Continue recording',
  reviewReady: 'Recording ready: {duration}, with {speech} s of speech.',
  uploading: 'Uploading your recording…',
  uploadRetrying: 'Connection lost — retrying…',
  processing: 'Analysing your recording. This usually takes under a minute.',
  complete: 'Thank you — your recording has been analysed.',
  uploadProgress: 'Upload progress',
  // Consent before the microphone (require-consent).
  consentTitle: 'Before you start',
  consentText:
    'When you press Record, your voice is recorded for a short time. The recording is sent to thymia, which processes it for the site you are on, to estimate wellbeing indicators or for the clinical assessment this site uses. You can stop at any time.',
  consentCheckbox: 'I agree to my voice being recorded and sent to thymia for this purpose.',
  // Sleep times (ask-sleep).
  sleepOptionalHint: 'Your last night’s sleep (optional — it makes the results more accurate)',
  sleepTimeLabel: 'Fell asleep',
  wakeTimeLabel: 'Woke up',
  // Microphone choice (more than one input).
  deviceSelectLabel: 'Microphone',
  // thymia errorCode → neutral, actionable advice (never thymia's errorReason).
  ERR_RECORDING_TOO_SHORT:
    'We did not hear quite enough speech. Please record again and keep talking a little longer.',
  ERR_TRANSCRIPTION_FAILED:
    'We could not pick up your voice clearly. Check that your microphone is connected and not muted, then record again somewhere quiet.',
  ERR_RECORDING_TOO_LONG: 'The recording was longer than 3 minutes. Please record again and keep it shorter.',
  ERR_RECORDING_INVALID_FORMAT:
    'Your recording could not be read. Please record again; if it keeps happening, try another browser.',
  ERR_INTERNAL: 'Something went wrong while analysing your recording. Please try again in a moment.',
  modelErrorUnknown: 'Your recording could not be analysed. Please record again.',
  // Results.
  resultsHeading: 'Your wellbeing snapshot',
  resultsDisclaimer:
    'These scores describe how your voice sounded today compared with people like you. They are a wellbeing indicator, not a medical diagnosis.',
  mentalStrain: 'Overall mental strain',
  distress: 'Distress',
  stress: 'Stress',
  exhaustion: 'Exhaustion',
  sleepPropensity: 'Sleepiness',
  lowSelfEsteem: 'Low self-esteem',
  bucketLow: 'Low',
  bucketModeratelyLow: 'Moderately low',
  bucketModeratelyHigh: 'Moderately high',
  bucketHigh: 'High',
  warningsHeading: 'Please read with caution',
  transcriptHeading: 'What we heard',
  scoreOutOf: '{value} out of 100',
  // Resilience: a recording kept from an earlier page.
  restoredOffer:
    'A recording from earlier ({duration}, {speech} s of speech) was kept on this device and has not been sent yet. Send it now, or discard it and record again.',
  restoredTooShort:
    'A recording from earlier ({duration}) was kept on this device, but it holds only {speech} s of speech. Discard it and record again.',
  restoreUpload: 'Send recording',
  discard: 'Discard',
  // Recording quality, after a take.
  qualityAdvice: 'This recording may not give accurate results.',
  qualityMostlySilence: 'Most of the recording was silence. Talk continuously, close to the microphone.',
  qualityTooQuiet: 'Your voice was very quiet. Move closer to the microphone or speak a little louder.',
  qualityClipping: 'Your voice was too loud for the microphone and sounds distorted. Move a little further away or speak more softly.',
  qualityLowSampleRate: 'The microphone recorded in low quality. If you can, use another microphone or a headset.',
  qualityProcessingOn:
    'Your device filtered the sound (noise suppression or automatic volume). If you can, use another microphone.',
  submitAnyway: 'Submit anyway',
  // Questionnaire results.
  questionnaireTitle: 'Questionnaire',
  questionnaireCompletedAt: 'Completed {date}',
  questionnaireScore: 'Score: {score}',
  // Apollo protocol, Apollo results, voice-agent calls and the activity hand-off.
  // Apollo steps.
  stepsLabel: 'Steps',
  stepMoodQuestion: 'How you feel',
  stepReadAloud: 'Read aloud',
  stepDone: 'done',
  moodQuestion: 'How are you feeling today?',
  moodQuestionHint: 'Press Record and answer in your own words until the speech bar is full.',
  readAloudIntro: 'Press Record and read aloud at your usual pace until the speech bar is full.',
  // "The North Wind and the Sun" (Aesop, public domain): the standard passage of phonetics and speech assessment.
  readAloudTitle: 'The North Wind and the Sun',
  readAloudPassage:
    'The North Wind and the Sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak. They agreed that the one who first succeeded in making the traveller take his cloak off should be considered stronger than the other. Then the North Wind blew as hard as he could, but the more he blew the more closely did the traveller fold his cloak around him; and at last the North Wind gave up the attempt. Then the Sun shone out warmly, and immediately the traveller took off his cloak. And so the North Wind was obliged to confess that the Sun was the stronger of the two.',
  next: 'Next',
  finishAndNext: 'Next without listening back',
  reviewHeading: 'Your recordings',
  reviewTake: '{duration} · {speech} s of speech',
  retakeStep: 'Retake: {step}',
  takeSent: 'Sent',
  uploadingApollo: 'Uploading your recordings…',
  processingApollo: 'Your recordings are being processed. This usually takes under a minute.',
  // Apollo results.
  apolloSubmitted: 'Thank you — your recordings were submitted.',
  apolloHeading: 'Apollo clinical assessment',
  apolloClinicianNotice:
    'For qualified healthcare professionals only. These results must be reviewed by a clinician before any action is taken and must not be shared with the patient without clinical review. They support clinical judgement; they are not a diagnosis.',
  apolloNotForCrisis: 'Apollo is not validated for emergencies. If the patient is in crisis, follow your standard emergency protocols.',
  apolloWarningsHeading: 'Warnings — review before acting on these results',
  depression: 'Major depression',
  anxiety: 'Generalised anxiety disorder',
  benchmarkDepression: 'Benchmarked against PHQ-9',
  benchmarkAnxiety: 'Benchmarked against GAD-7',
  probability: 'Probability',
  severity: 'Severity',
  bandLow: 'Low likelihood — below diagnostic threshold',
  bandBorderline: 'Borderline — further assessment recommended',
  bandModerate: 'Moderate likelihood — consistent with clinical presentation',
  bandHigh: 'High likelihood — strongly consistent with diagnosis',
  symptomsDepression: 'Depression symptoms',
  symptomsAnxiety: 'Anxiety symptoms',
  anhedonia: 'Anhedonia',
  lowmood: 'Low mood',
  sleepissues: 'Sleep issues',
  lowenergy: 'Low energy',
  appetiteissues: 'Appetite issues',
  worthlessnessissues: 'Worthlessness / guilt',
  concentrationissues: 'Concentration difficulties',
  psychomotorissues: 'Psychomotor changes',
  nervousness: 'Nervousness',
  uncontrollableworry: 'Uncontrollable worry',
  excessiveworry: 'Excessive worry',
  troublerelaxing: 'Trouble relaxing',
  restlessness: 'Restlessness',
  irritability: 'Irritability',
  dread: 'Dread',
  levelNone: 'None',
  levelMild: 'Mild',
  levelModerate: 'Moderate',
  levelSevere: 'Severe',
  distributionLabel: 'None {none}%, mild {mild}%, moderate {moderate}%, severe {severe}%',
  percent: '{value}%',
  modelVersion: 'Model version {version}. Results from different model versions should not be compared directly.',
  reportHeading: 'Clinical report',
  reportView: 'View report',
  reportPdf: 'Download PDF',
  reportExpires: 'Report links expire {time}.',
  reportExpired: 'Report links expired {time}. Reload the page to get fresh ones.',
  // Emotions (voice-agent calls).
  emotionsHeading: 'Emotions',
  // Voice-agent call records.
  callHeading: 'Call summary',
  callDuration: 'Duration',
  callEndReason: 'Ended because',
  callOutcome: 'Outcome',
  callSentiment: 'Sentiment',
  callOverview: 'Summary',
  callKeyTopics: 'Key topics',
  callActionItems: 'Action items',
  callTranscript: 'Transcript',
  roleAssistant: 'Agent',
  roleUser: 'User',
  callEnded: 'The call has ended. Thank you.',
  callBusy: 'The line was busy, so the call did not take place.',
  callNoAnswer: 'The call was not answered.',
  callCanceled: 'The call was cancelled.',
  callFailed: 'The call could not be completed.',
  // Following a call or an activity instead of recording here.
  followWaiting: 'Waiting for the results…',
  followStatus: 'Status: {status}',
  activityIntro:
    'Continue in the thymia activity. Keep this page open — your results will appear here when you have finished.',
  activityOpen: 'Open the activity',
  activityFrameTitle: 'thymia activity',
  activityUnavailable: 'The activity link is not available. Please try again later.',
  // Pauses and interruptions (loaded with Record, before any take can pause).
  pause: 'Pause',
  resume: 'Resume',
  pausedUser: 'Paused. What you have recorded is kept — press Resume when you are ready to carry on.',
  pausedMuted: 'Recording paused: the microphone went silent — a call, a voice assistant or another app may be using it. What you recorded is kept; press Resume when you are ready.',
  pausedEnded: 'Recording paused: the microphone stopped — it may have been unplugged, or another app took it. What you recorded is kept; press Resume to carry on, with another microphone if needed.',
  pausedInterrupted: 'Recording paused: your device interrupted the sound (a call, an alarm or another app). What you recorded is kept; press Resume when you are ready.',
  pausedHidden: 'Recording paused because the page was hidden (the screen locked or another app opened). What you recorded is kept; press Resume to carry on.',
  pausedDeviceLost: 'Recording paused: your microphone was disconnected. What you recorded is kept; press Resume to carry on with another microphone.',
  // History against the person's own baseline (history-url).
  historyHeading: 'Compared with your usual',
  historyProgress: '{count} of {total} sessions to your baseline',
  historyForming: 'Your baseline is your usual level, taken from your first {total} sessions. Once it is there, each reading is shown against it.',
  historyLower: 'Lower than your usual',
  historyUsual: 'About your usual',
  historyHigher: 'Higher than your usual',
  historyNote: 'Your usual is the middle of your first {total} sessions. One reading can vary from day to day; a change over several sessions says more.',
  historyTableCaption: '{name}: your recent sessions',
  historySession: 'Session',
  historyReading: 'Reading',
  historyUsualRow: 'Your usual',
  // The live meters and the send-at-once button: the recording view loads with the take views, these with it.
  speechProgress: 'Speech: {speech} of {min} s',
  speechEnough: 'Enough speech. Press Stop when you are ready.',
  speechNeedMore: 'Keep talking — {remaining} s of speech still needed.',
  levelMeter: 'Microphone level',
  finishAndSubmit: 'Submit without listening back',
  // While recording (shown a moment after Record, with the rest of English).
  instructionsHeliosRecording: 'Talk naturally — how you slept, what you did, what is coming up.',
  skipReviewHelp: 'Stop ends the recording and lets you listen back before it is sent.',
  limitNear: 'Recording stops by itself at {max}.',
  // Phone flow: listening back, one path per step, titles, endings.
  takeMain: 'Your recording',
  playbackLabel: 'Listen back: {take}',
  playbackPlay: 'Play: {take}',
  playbackPause: 'Pause: {take}',
  playbackSeek: 'Position in {take}',
  playbackTime: '{elapsed} of {total}',
  retakeDiscarded: 'Recording discarded: {take}.',
  undo: 'Undo',
  titleReview: 'Listen back, then submit',
  titleReviewStep: 'Listen back, then go on',
  titleTooShort: 'Not enough speech yet',
  titleRestored: 'A recording was kept',
  titleReadAloud: 'Read this passage aloud',
  moodQuestionMore: 'There are no right or wrong answers. About {min} s of speech is needed.',
  moodQuestionRecording: 'Answer in your own words.',
  readAloudMore: 'If you reach the end first, start again from the top. The passage scrolls; the Stop button stays in view.',
  heliosNextStep: 'That is all for today. You can close this page; record again on another day to see how you change over time.',
  apolloPatientNext: 'Your clinician will review the results — they are not shown here — and go through them with you at your next appointment. You can close this page now.',
} satisfies Record<string, string>;
