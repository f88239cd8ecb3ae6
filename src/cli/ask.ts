// `npm run --silent ask -- [--json] "question"`: the bot's own search from a terminal.
// With --json and no question, reads one question per line from standard input.
import { createInterface } from 'node:readline';
import { readBuiltKnowledge } from '../knowledge/builtKnowledge';
import { BUILT_KNOWLEDGE_FILE } from '../paths';
import { answerQuestion, type ComposedAnswer } from '../answer/composeAnswer';
import { SearchEngine } from '../search/searchEngine';
import { toResponseView } from '../search/resultView';

function printReadable({ response, answer, confident }: ComposedAnswer): void {
  if (response.results.length === 0) {
    console.log('No answer found. Try other words, e.g. "short breaks for carers" or "SDS option 2".');
    return;
  }
  if (answer.type === 'not_sure' && answer.hint) console.log(`(${answer.hint})\n`);
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
  const answer = (q: string): ComposedAnswer => answerQuestion(engine, q);
  const view = (composed: ComposedAnswer): string => JSON.stringify(toResponseView(composed.response, composed.confident));

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
