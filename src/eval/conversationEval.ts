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

/** How many tuning sets there are: `conversations.json`, then `tuning-conversations-2.json` to this number. */
const TUNING_CONVERSATION_SETS = 97;

export const CONVERSATION_SETS: Record<string, string> = {
  'tuning 1': join(FIXTURES, 'conversations.json'),
  ...Object.fromEntries(Array.from({ length: TUNING_CONVERSATION_SETS - 1 }, (_, i) => [`tuning ${i + 2}`, join(FIXTURES, `tuning-conversations-${i + 2}.json`)])),
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
