// `npm run eval:risk [-- file.json ...] [--json]`: recall per kind of risk and the false-alarm rate
// of the risk model, on the tuning set and the held-out set side by side (or on given files).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { BUILT_KNOWLEDGE_FILE, PROJECT_ROOT } from '../paths';
import { riskModelFor } from '../safety/riskDetector';
import { scoreRisk, type LabelledMessage, type RiskFigures } from './riskScoring';

const RISK_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'risk');

/** How many tuning files there are: `tuning-messages.json`, then `-2.json` to this number. */
const TUNING_RISK_FILES = 72;

/** `name-from.json` to `name-to.json`. */
function numbered(name: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${name}-${from + i}.json`);
}

/** Each set and the files it is read from. The tuning set grows by files written at different
 * times by different people; it is read as one. */
export const RISK_SETS: Record<'tuning' | 'held-out', string[]> = {
  tuning: ['tuning-messages.json', ...numbered('tuning-messages', 2, TUNING_RISK_FILES)].map((f) => join(RISK_DIR, f)),
  'held-out': [join(RISK_DIR, 'held-out-messages.json')],
};

/** The messages of a set's files, in order, a message written twice kept once. */
export function readRiskSet(files: readonly string[]): LabelledMessage[] {
  const seen = new Set<string>();
  return files
    .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as LabelledMessage[])
    .filter((m) => !seen.has(m.text) && !!seen.add(m.text));
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  const sets: Array<[string, string[]]> = files.length ? files.map((f) => [relative(process.cwd(), f), [f]]) : Object.entries(RISK_SETS);
  const knowledge = readBuiltKnowledge(BUILT_KNOWLEDGE_FILE);
  const model = riskModelFor(knowledge.risk);
  const results = sets.map(([name, setFiles]) => {
    const messages = readRiskSet(setFiles);
    return { name, figures: scoreRisk(messages, (text) => model.assess(text).kinds) };
  });
  if (json) {
    console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.figures]))));
    return;
  }
  const labels = [...new Set(results.flatMap((r) => Object.keys(r.figures.byLabel)))].sort();
  console.log(['kind', ...results.map((r) => r.name)].join(' | '));
  for (const label of labels) {
    console.log([label, ...results.map((r) => cell(r.figures, label))].join(' | '));
  }
  console.log(['false alarms', ...results.map((r) => `${r.figures.falseAlarms.alarms}/${r.figures.falseAlarms.total} (${pct(r.figures.falseAlarms.rate)}; topic ${r.figures.falseAlarms.topic.alarms}/${r.figures.falseAlarms.topic.total})`)].join(' | '));
  for (const r of results) {
    // The held-out set only reports: reading its misses would be tuning on it.
    if (r.name === 'held-out' && !args.includes('--show-held-out')) continue;
    console.log(`\n${r.name}: missed`);
    for (const m of r.figures.misses) console.log(`  [${m.label}] ${m.text}  → ${m.found.join(', ') || 'none'}`);
    console.log(`${r.name}: false alarms`);
    for (const a of r.figures.alarms) console.log(`  ${a.text}  → ${a.found.join(', ')}`);
  }
}

function cell(figures: RiskFigures, label: string): string {
  const e = figures.byLabel[label];
  return e ? `${e.rightKind}/${e.total} (${e.recall.toFixed(3)})` : '–';
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

if (require.main === module) main();
