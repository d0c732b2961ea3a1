/** Limits that the client and the server must agree on. */
export const LIMITS = {
  titleMaxLength: 300,
  forumMaxLength: 300,
  nameMaxLength: 200,
  passwordMinLength: 10,
  passwordMaxLength: 200,
  unlockReasonMaxLength: 1000,
  versionLabelMaxLength: 200,
  endorsementCommentMaxLength: 2000,
  wordLimitMax: 100_000,
  speakingLimitSecondsMax: 4 * 60 * 60,
  wordsPerMinuteMin: 40,
  wordsPerMinuteMax: 400,
  /** Forums, meetings, working groups. */
  descriptionMaxLength: 2000,
  deadlineDaysBeforeMeetingMax: 365,
  /** Default largest WebSocket message the collaboration server accepts (MAX_MESSAGE_BYTES). */
  defaultMaxMessageBytes: 1024 * 1024,
  /** Largest JSON request body the REST API accepts. */
  jsonBodyBytes: 256 * 1024,
} as const
