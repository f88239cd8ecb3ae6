// `npm run eval:conversations [-- file.json ...] [--misses] [--json]`: plays conversation sets through
// the conversation core (the same core the bot runs, without the HTTP hop) and prints, per set, how
// many first turns, follow-ups and later new questions came back right. `--misses` lists the turns
// that did not, for the tuning sets only: the held-out set is for reporting, and reading its misses
// would be tuning on it.
import { join, relative } from 'node:path';
import { ConversationCore } from '../conversation/core';
import type { ConversationMemory } from '../conversation/memory';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { SearchEngine } from '../search/searchEngine';
import { BUILT_KNOWLEDGE_FILE, PROJECT_ROOT } from '../paths';
import { count, emptyTally, loadConversations, problems, type ConversationTally, type TurnReplies } from './conversationScoring';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');

export const CONVERSATION_SETS: Record<string, string> = {
  'tuning 1': join(FIXTURES, 'conversations.json'),
  'tuning 2': join(FIXTURES, 'tuning-conversations-2.json'),
  'tuning 3': join(FIXTURES, 'tuning-conversations-3.json'),
  'tuning 4': join(FIXTURES, 'tuning-conversations-4.json'),
  'tuning 5': join(FIXTURES, 'tuning-conversations-5.json'),
  'tuning 6': join(FIXTURES, 'tuning-conversations-6.json'),
  'tuning 7': join(FIXTURES, 'tuning-conversations-7.json'),
  'tuning 8': join(FIXTURES, 'tuning-conversations-8.json'),
  'tuning 9': join(FIXTURES, 'tuning-conversations-9.json'),
  'tuning 10': join(FIXTURES, 'tuning-conversations-10.json'),
  'tuning 11': join(FIXTURES, 'tuning-conversations-11.json'),
  'tuning 12': join(FIXTURES, 'tuning-conversations-12.json'),
  'tuning 13': join(FIXTURES, 'tuning-conversations-13.json'),
  'tuning 14': join(FIXTURES, 'tuning-conversations-14.json'),
  'tuning 15': join(FIXTURES, 'tuning-conversations-15.json'),
  'tuning 16': join(FIXTURES, 'tuning-conversations-16.json'),
  'tuning 17': join(FIXTURES, 'tuning-conversations-17.json'),
  'tuning 18': join(FIXTURES, 'tuning-conversations-18.json'),
  'tuning 19': join(FIXTURES, 'tuning-conversations-19.json'),
  'tuning 20': join(FIXTURES, 'tuning-conversations-20.json'),
  'tuning 21': join(FIXTURES, 'tuning-conversations-21.json'),
  'tuning 22': join(FIXTURES, 'tuning-conversations-22.json'),
  'tuning 23': join(FIXTURES, 'tuning-conversations-23.json'),
  'tuning 24': join(FIXTURES, 'tuning-conversations-24.json'),
  'tuning 25': join(FIXTURES, 'tuning-conversations-25.json'),
  'tuning 26': join(FIXTURES, 'tuning-conversations-26.json'),
  'tuning 27': join(FIXTURES, 'tuning-conversations-27.json'),
  'tuning 28': join(FIXTURES, 'tuning-conversations-28.json'),
  'tuning 29': join(FIXTURES, 'tuning-conversations-29.json'),
  'tuning 30': join(FIXTURES, 'tuning-conversations-30.json'),
  'tuning 31': join(FIXTURES, 'tuning-conversations-31.json'),
  'tuning 32': join(FIXTURES, 'tuning-conversations-32.json'),
  'tuning 33': join(FIXTURES, 'tuning-conversations-33.json'),
  'tuning 34': join(FIXTURES, 'tuning-conversations-34.json'),
  'tuning 35': join(FIXTURES, 'tuning-conversations-35.json'),
  'tuning 36': join(FIXTURES, 'tuning-conversations-36.json'),
  'tuning 37': join(FIXTURES, 'tuning-conversations-37.json'),
  'tuning 38': join(FIXTURES, 'tuning-conversations-38.json'),
  'tuning 39': join(FIXTURES, 'tuning-conversations-39.json'),
  'tuning 40': join(FIXTURES, 'tuning-conversations-40.json'),
  'tuning 41': join(FIXTURES, 'tuning-conversations-41.json'),
  'tuning 42': join(FIXTURES, 'tuning-conversations-42.json'),
  'tuning 43': join(FIXTURES, 'tuning-conversations-43.json'),
  'tuning 44': join(FIXTURES, 'tuning-conversations-44.json'),
  'tuning 45': join(FIXTURES, 'tuning-conversations-45.json'),
  'tuning 46': join(FIXTURES, 'tuning-conversations-46.json'),
  'tuning 47': join(FIXTURES, 'tuning-conversations-47.json'),
  'tuning 48': join(FIXTURES, 'tuning-conversations-48.json'),
  'tuning 49': join(FIXTURES, 'tuning-conversations-49.json'),
  'tuning 50': join(FIXTURES, 'tuning-conversations-50.json'),
  'tuning 51': join(FIXTURES, 'tuning-conversations-51.json'),
  'tuning 52': join(FIXTURES, 'tuning-conversations-52.json'),
  'tuning 53': join(FIXTURES, 'tuning-conversations-53.json'),
  'tuning 54': join(FIXTURES, 'tuning-conversations-54.json'),
  'tuning 55': join(FIXTURES, 'tuning-conversations-55.json'),
  'tuning 56': join(FIXTURES, 'tuning-conversations-56.json'),
  'tuning 57': join(FIXTURES, 'tuning-conversations-57.json'),
  'tuning 58': join(FIXTURES, 'tuning-conversations-58.json'),
  'tuning 59': join(FIXTURES, 'tuning-conversations-59.json'),
  'tuning 60': join(FIXTURES, 'tuning-conversations-60.json'),
  'tuning 61': join(FIXTURES, 'tuning-conversations-61.json'),
  'tuning 62': join(FIXTURES, 'tuning-conversations-62.json'),
  'tuning 63': join(FIXTURES, 'tuning-conversations-63.json'),
  'tuning 64': join(FIXTURES, 'tuning-conversations-64.json'),
  'held-out': join(FIXTURES, 'held-out-conversations.json'),
};

interface SetResult {
  name: string;
  tally: ConversationTally;
  misses: string[];
}

export function playSet(core: ConversationCore, name: string, file: string): SetResult {
  const tally = emptyTally();
  const misses: string[] = [];
  for (const conversation of loadConversations(file)) {
    let memory: ConversationMemory = {};
    const start = Date.UTC(2026, 0, 5, 10);
    conversation.turns.forEach((turn, i) => {
      const outcome = core.respond({ input: { kind: 'text', text: turn.say }, memory, now: new Date(start + i * 60_000), conversation: `eval-${conversation.id}` });
      memory = outcome.memory;
      const replies: TurnReplies = {
        texts: outcome.replies.flatMap((r) => (r.kind === 'text' ? [r.text] : [])),
        cards: outcome.replies.flatMap((r) => (r.kind === 'cards' ? r.cards : [])),
      };
      const wrong = problems(replies, turn.expect);
      count(tally, i, turn.expect, wrong);
      if (wrong.length) misses.push(`${conversation.id} turn ${i + 1} "${turn.say}": ${wrong.join('; ')}`);
    });
  }
  return { name, tally, misses };
}

function share(right: number, total: number): string {
  return total ? `${right}/${total} (${(right / total).toFixed(2)})` : '-';
}

function main(): void {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  const sets: Array<[string, string]> = files.length ? files.map((f) => [relative(process.cwd(), f), f]) : Object.entries(CONVERSATION_SETS);
  const core = new ConversationCore(new SearchEngine(readBuiltKnowledge(BUILT_KNOWLEDGE_FILE)));
  const results = sets.map(([name, file]) => playSet(core, name, file));
  if (args.includes('--json')) {
    console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.tally]))));
    return;
  }
  console.log('set        | first turns    | follow-ups      | new questions kept new');
  for (const { name, tally } of results) {
    console.log(`${name.padEnd(10)} | ${share(tally.firstsRight, tally.firsts).padEnd(14)} | ${share(tally.followUpsRight, tally.followUps).padEnd(15)} | ${share(tally.freshRight, tally.fresh)}`);
  }
  if (!args.includes('--misses')) return;
  for (const { name, misses } of results) {
    if (name === 'held-out' && !args.includes('--show-held-out')) continue;
    console.log(`\n${name}: ${misses.length} turns not right`);
    for (const m of misses) console.log(`  ${m}`);
  }
}

if (require.main === module) main();
