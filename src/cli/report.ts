// `npm run report [-- --days N] [--json]`: for the people who curate the knowledge — feedback on
// answers, questions the bot could not answer (personal details already removed), and directory
// records that need checking (source over 12 months old, undated, or flagged). Reads the storage the
// bot is configured with (STORAGE=blob for a deployed bot; memory storage has nothing to report).
import { loadConfig } from '../config';
import { monthsOld } from '../cards/cardData';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import type { ServiceRecord } from '../knowledge/types';
import { BUILT_KNOWLEDGE_FILE } from '../paths';
import { RecordStore, type FeedbackRecord, type UnansweredRecord } from '../storage/records';
import type { KeyValueStore } from '../storage/keyValueStore';
import { createBotStorage } from '../teams/storageFactory';

export interface CuratorReport {
  days: number;
  feedback: { total: number; helpful: number; notHelpful: number; withTeamsButtons: number; notTiedToAnswer: number; byPassage: Array<{ passageId: string; helpful: number; notHelpful: number; reasons: Record<string, number> }>; comments: string[] };
  unanswered: { total: number; questions: Array<{ question: string; times: number }> };
  staleServices: Array<{ id: string; name: string; asOf: string; flags: string[] }>;
}

export function staleServices(services: readonly ServiceRecord[], now: Date): CuratorReport['staleServices'] {
  return services
    .filter((s) => {
      const age = monthsOld(s.as_of, now);
      return age === undefined || age > 12 || s.review_flags.length > 0;
    })
    .map((s) => ({ id: s.id, name: s.name, asOf: s.as_of, flags: s.review_flags }));
}

export async function buildReport(store: KeyValueStore, services: readonly ServiceRecord[], days: number, now: Date = new Date()): Promise<CuratorReport> {
  const records = new RecordStore(store, () => now);
  const feedback = (await records.list('feedback', days)) as FeedbackRecord[];
  const unanswered = (await records.list('unanswered', days)) as UnansweredRecord[];
  const byPassage = new Map<string, { passageId: string; helpful: number; notHelpful: number; reasons: Record<string, number> }>();
  for (const f of feedback.filter((x) => x.passageId)) {
    const entry = byPassage.get(f.passageId) ?? { passageId: f.passageId, helpful: 0, notHelpful: 0, reasons: {} };
    if (f.helpful === true) entry.helpful++;
    if (f.helpful === false && !f.reason) entry.notHelpful++;
    if (f.reason) entry.reasons[f.reason] = (entry.reasons[f.reason] ?? 0) + 1;
    byPassage.set(f.passageId, entry);
  }
  const counts = new Map<string, number>();
  for (const u of unanswered) counts.set(u.question.toLowerCase().trim(), (counts.get(u.question.toLowerCase().trim()) ?? 0) + 1);
  return {
    days,
    feedback: {
      total: feedback.length,
      helpful: feedback.filter((f) => f.helpful === true).length,
      notHelpful: feedback.filter((f) => f.helpful === false && !f.reason).length,
      withTeamsButtons: feedback.filter((f) => f.via === 'teams').length,
      // Teams' buttons on an answer too old to be remembered: kept, but about no known passage.
      notTiedToAnswer: feedback.filter((f) => f.via === 'teams' && !f.passageId).length,
      byPassage: [...byPassage.values()].sort((a, b) => b.notHelpful - a.notHelpful || b.helpful - a.helpful),
      comments: feedback.filter((f) => f.comment).map((f) => f.comment as string),
    },
    unanswered: { total: unanswered.length, questions: [...counts.entries()].map(([question, times]) => ({ question, times })).sort((a, b) => b.times - a.times) },
    staleServices: staleServices(services, now),
  };
}

function print(report: CuratorReport): void {
  console.log(`MidWay Guide — curators' report for the last ${report.days} days\n`);
  console.log(`Feedback: ${report.feedback.total} (helpful ${report.feedback.helpful}, not helpful ${report.feedback.notHelpful})`);
  console.log(`  with Teams' like / dislike buttons: ${report.feedback.withTeamsButtons}${report.feedback.notTiedToAnswer ? ` (${report.feedback.notTiedToAnswer} on answers too old to tie to a passage)` : ''}`);
  for (const p of report.feedback.byPassage.slice(0, 15)) {
    const reasons = Object.entries(p.reasons).map(([r, n]) => `${r} ×${n}`).join(', ');
    console.log(`  ${p.passageId}: helpful ${p.helpful}, not helpful ${p.notHelpful}${reasons ? `; reasons: ${reasons}` : ''}`);
  }
  if (report.feedback.comments.length) {
    console.log('\nComments (personal details removed):');
    for (const c of report.feedback.comments.slice(-20)) console.log(`  - ${c}`);
  }
  console.log(`\nUnanswered questions: ${report.unanswered.total} (personal details removed)`);
  for (const q of report.unanswered.questions.slice(0, 25)) console.log(`  ${String(q.times).padStart(3)} × ${q.question}`);
  console.log(`\nDirectory records to check (source over 12 months old, undated or flagged): ${report.staleServices.length}`);
  for (const s of report.staleServices) console.log(`  ${s.id} — as of ${s.asOf}${s.flags.length ? `; ${s.flags.join(', ')}` : ''}`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const daysArg = args.indexOf('--days');
  const days = daysArg >= 0 ? Math.max(1, Math.min(366, Number(args[daysArg + 1]) || 30)) : 30;
  (async () => {
    const config = loadConfig(process.env);
    const { storage } = createBotStorage(config.storage, config.production, process.env);
    const knowledge = readBuiltKnowledge(BUILT_KNOWLEDGE_FILE);
    const report = await buildReport(storage, knowledge.services, days);
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else {
      if (config.storage.kind === 'memory') console.log('(STORAGE=memory: feedback lives only inside a running bot, so there is none to read here. Set STORAGE=blob to report on a deployed bot.)\n');
      print(report);
    }
  })().catch((error: unknown) => {
    console.error(`report failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
