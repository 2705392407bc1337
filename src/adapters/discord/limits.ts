/**
 * Discord's hard caps on messages, embeds and components (developer docs, "Embed Limits" and
 * "Component Reference"). The renderer keeps every message inside them; tests check against them.
 */
export const discordLimits = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Across all embeds of one message: title, description, field names and values, footer, author. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectPlaceholder: 150,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Cuts `text` to at most `max` characters, ending with an ellipsis when it had to cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
