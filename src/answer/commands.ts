// Bot commands as the manifest lists them: help, services <need>, sds <topic>, plan <aim or topic>,
// feedback. Anything else is a free-text question.
import type { PassageKind } from '../knowledge/types';

export type Command =
  | { name: 'help' }
  | { name: 'feedback' }
  | { name: 'search'; kinds: PassageKind[]; text: string }
  | { name: 'plan'; text: string };

const SEARCH_COMMANDS: Record<string, PassageKind> = { services: 'service', service: 'service', sds: 'sds' };

export function parseCommand(text: string): Command | undefined {
  const match = /^\s*\/?([a-z]+)\b\s*(.*)$/is.exec(text);
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  const rest = match[2].trim();
  if (word === 'help' && rest === '') return { name: 'help' };
  if (word === 'feedback' && rest === '') return { name: 'feedback' };
  if (word === 'plan') return { name: 'plan', text: rest };
  const kind = SEARCH_COMMANDS[word];
  // "service user with dementia, …", "service-user", "services user", "service provider", "service charge",
  // "service is closed": a person, an organisation or a thing, not the command.
  if ((word === 'service' || word === 'services') && /^-?(?:users?|providers?|managers?|reviews?|level|charges?|dogs?|is|was|has|had|will|were|are)\b/i.test(rest)) return undefined;
  // "sds" alone is a question about SDS, not an empty command.
  if (kind && rest) return { name: 'search', kinds: [kind], text: rest };
  return undefined;
}
