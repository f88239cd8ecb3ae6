// Validates card JSON with the adaptivecards SDK (its Node-loadable bundle), as Teams would parse it.
import type { AdaptiveCardJson } from '../src/cards/cardTemplates';

// The package's "main" is an ES-module build Node cannot load; the dist bundle can.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Teams rejects messages over about 28 KB; a card must leave room for the envelope. */
export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

export function cardProblems(card: AdaptiveCardJson): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  if (Buffer.byteLength(json) > TEAMS_CARD_LIMIT_BYTES) problems.push(`card is ${Buffer.byteLength(json)} bytes`);
  if (json.includes('${')) problems.push('card has an unexpanded ${...} binding');
  if (card.version !== '1.5') problems.push(`version ${card.version} (Teams renders up to 1.5)`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
