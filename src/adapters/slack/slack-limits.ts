/**
 * Block Kit's hard limits (api.slack.com/reference/block-kit), in one place so the renderer
 * and its tests agree. `textFallback` is our own choice, well under Slack's 40,000.
 */
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  textFallback: 3000,
  /** Slack's cap on a message's top-level `text`. */
  textMax: 40_000,
  /** Blocks in a Home tab view. */
  blocksPerView: 100,
  /** Buttons per row before choices become a select menu. */
  buttonsPerRow: 5,
} as const;
