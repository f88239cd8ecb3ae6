// `npm run --silent ask -- [--json] "question"`: the bot's own search from a terminal.
// With --json and no question, reads one question per line from standard input.
import { createInterface } from 'node:readline';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { BUILT_KNOWLEDGE_FILE } from '../paths';
import { ConversationCore } from '../conversation/core';
import type { Answer } from '../answer/answerModel';
import type { SearchResponse } from '../search/searchEngine';
import { SearchEngine } from '../search/searchEngine';
import { toResponseView } from '../search/resultView';

interface Decided {
  answer?: Answer;
  response: SearchResponse;
  confident: boolean;
}

function printReadable({ response, answer, confident }: Decided): void {
  if (response.results.length === 0) {
    console.log('No answer found. Try other words, e.g. "short breaks for carers" or "SDS option 2".');
    return;
  }
  if (answer?.type === 'not_sure' && answer.hint) console.log(`(${answer.hint})\n`);
  if (!confident) console.log('(Not sure: these are the nearest matches.)\n');
  response.results.slice(0, 3).forEach((r, i) => {
    console.log(`${i + 1}. ${r.passage.title}  [${r.passage.kind}]`);
    console.log(`   ${r.passage.source}${r.passage.headings.length ? ` › ${r.passage.headings.join(' › ')}` : ''}`);
    console.log(`   ${r.snippet.replace(/\*\*/g, '').replace(/\n/g, ' ')}\n`);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const question = args.filter((a) => a !== '--json').join(' ');
  const engine = new SearchEngine(readBuiltKnowledge(BUILT_KNOWLEDGE_FILE));
  // The same core as the bot, one question at a time with nothing before it.
  const core = new ConversationCore(engine);
  const answer = (q: string): Decided => {
    const outcome = core.ask(q);
    return { answer: outcome.answer, response: outcome.response ?? { query: q, results: [], stems: [], confident: false }, confident: outcome.confident ?? false };
  };
  const view = (composed: Decided): string => JSON.stringify(toResponseView(composed.response, composed.confident));

  if (question) {
    const composed = answer(question);
    if (json) process.stdout.write(`${view(composed)}\n`);
    else printReadable(composed);
    return;
  }
  if (!json) {
    console.error('Usage: npm run --silent ask -- [--json] "your question"   (with --json and no question: one question per line on stdin)');
    process.exitCode = 2;
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(`${view(answer(line))}\n`);
}

main().catch((error: unknown) => {
  console.error(`ask failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
