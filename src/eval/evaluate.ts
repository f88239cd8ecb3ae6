// `npm run eval [-- file.json] [--json]`: scores our search and plain lunr on a question set, side
// by side, the way the practice set's README says. Curators can point it at their own set.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { BUILT_KNOWLEDGE_FILE, PROJECT_ROOT } from '../paths';
import { ConversationCore } from '../conversation/core';
import { SearchEngine, type SearchResponse } from '../search/searchEngine';
import { PlainLunrBaseline } from './baseline';
import { figures, isOutOfScope, rankOf, type EvalQuestion, type Figures } from './scoring';

export const DEFAULT_QUESTIONS = resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-questions.json');

export interface SystemReport {
  overall: Figures;
  byKind: Record<string, Figures>;
}

export interface EvalReport {
  file: string;
  ours: SystemReport & { outOfScope: { total: number; notConfident: number }; inScopeNotConfident: number };
  baseline: SystemReport;
  misses: Array<{ question: string; kind: string; rank: number; top3: string[] }>;
}

function report(questions: EvalQuestion[], ranks: number[]): SystemReport {
  const byKind: Record<string, Figures> = {};
  for (const kind of [...new Set(questions.map((q) => q.kind))]) {
    byKind[kind] = figures(ranks.filter((_, i) => questions[i].kind === kind));
  }
  return { overall: figures(ranks), byKind };
}

export function evaluate(engine: SearchEngine, baseline: PlainLunrBaseline, all: EvalQuestion[], file: string): EvalReport {
  // Each question goes through the bot's own conversation core, as the first message of a conversation.
  const core = new ConversationCore(engine);
  const ask = (question: string): { results: SearchResponse['results']; confident: boolean } => {
    const outcome = core.ask(question);
    return { results: outcome.response?.results ?? [], confident: outcome.confident ?? false };
  };
  const inScope = all.filter((q) => !isOutOfScope(q));
  const outOfScope = all.filter(isOutOfScope);
  const misses: EvalReport['misses'] = [];
  let inScopeNotConfident = 0;
  const ourRanks = inScope.map((q) => {
    const { results: found, confident } = ask(q.question);
    if (!confident) inScopeNotConfident++;
    const results = found.map((r) => ({ title: r.passage.title, text: r.passage.text }));
    const rank = rankOf(q, results);
    if (rank !== 1) misses.push({ question: q.question, kind: q.kind, rank, top3: results.slice(0, 3).map((r) => r.title) });
    return rank;
  });
  const baseRanks = inScope.map((q) => rankOf(q, baseline.search(q.question).map((p) => ({ title: p.title, text: p.text }))));
  const notConfident = outOfScope.filter((q) => !ask(q.question).confident).length;
  return {
    file,
    ours: { ...report(inScope, ourRanks), outOfScope: { total: outOfScope.length, notConfident }, inScopeNotConfident },
    baseline: report(inScope, baseRanks),
    misses,
  };
}

function printTable(r: EvalReport): void {
  const rows: Array<[string, Figures, Figures]> = [['overall', r.ours.overall, r.baseline.overall]];
  for (const kind of Object.keys(r.ours.byKind)) rows.push([kind, r.ours.byKind[kind], r.baseline.byKind[kind]]);
  console.log(`Question set: ${r.file}`);
  console.log('');
  console.log('scope      n    ours hit@1  hit@3  MRR   | plain lunr hit@1  hit@3  MRR');
  for (const [name, ours, base] of rows) {
    const f = (x: number): string => x.toFixed(3);
    console.log(
      `${name.padEnd(9)} ${String(ours.questions).padStart(3)}   ${f(ours.hit1)}  ${f(ours.hit3)}  ${f(ours.mrr)} |            ${f(base.hit1)}  ${f(base.hit3)}  ${f(base.mrr)}`,
    );
  }
  console.log('');
  console.log(`Out of scope answered "not sure": ${r.ours.outOfScope.notConfident} of ${r.ours.outOfScope.total}`);
  console.log(`In scope wrongly "not sure": ${r.ours.inScopeNotConfident} of ${r.ours.overall.questions}`);
  if (r.misses.length) {
    console.log('\nNot first:');
    for (const m of r.misses) console.log(`- [${m.kind}] ${m.question} → rank ${m.rank || 'none'}; top 3: ${m.top3.join(' | ')}`);
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const file = resolve(args.find((a) => !a.startsWith('--')) ?? DEFAULT_QUESTIONS);
  try {
    const questions = JSON.parse(readFileSync(file, 'utf8')) as EvalQuestion[];
    const knowledge = readBuiltKnowledge(BUILT_KNOWLEDGE_FILE);
    const result = evaluate(new SearchEngine(knowledge), new PlainLunrBaseline(knowledge.passages), questions, file);
    if (json) console.log(JSON.stringify(result));
    else printTable(result);
  } catch (error) {
    console.error(`eval failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
