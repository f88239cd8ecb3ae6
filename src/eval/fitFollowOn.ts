// `npm run fit:follow-on`: fits the weights that decide whether a message answered on its own asks on
// from the last answer (FOLLOW_ON_WEIGHTS in src/conversation/followOn.ts), on the tuning conversation
// sets, and reports how weights fitted that way do on a conversation set they were not fitted on
// (each set left out in turn: a set is one writer's way of asking on). The held-out set is never read.
// It prints the weights to paste into followOn.ts.
import { ConversationCore } from '../conversation/core';
import { FOLLOW_ON_FEATURES, FOLLOW_ON_WEIGHTS, followOnScore, type FollowOnFeature } from '../conversation/followOn';
import type { ConversationMemory } from '../conversation/memory';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { SearchEngine } from '../search/searchEngine';
import { BUILT_KNOWLEDGE_FILE } from '../paths';
import { CONVERSATION_SETS } from './conversationEval';
import { loadConversations, problems, type TurnReplies } from './conversationScoring';

/** One message the weights decide, and what saying "following on" would be worth there: +1 when it
 * is a follow-up answered right but for the note, -NEW_QUESTION_COST when it is a new question answered
 * right, else 0. */
export interface FollowOnCase {
  set: number;
  features: number[];
  worth: number;
}

/** A new question taken as asking on says something untrue about it; a follow-up not called one only
 * leaves out what was understood. The first costs more. */
const NEW_QUESTION_COST = 2;

const NOTE_PROBLEMS = /^was (?:not )?read as a follow-up/;

/** The cases of one conversation set. Whether the note was said does not change a case's worth: the
 * problems about the note itself are set aside, so the weights in use do not bias the cases. */
function casesOf(core: ConversationCore, file: string, set: number): FollowOnCase[] {
  const cases: FollowOnCase[] = [];
  for (const conversation of loadConversations(file)) {
    let memory: ConversationMemory = {};
    const start = Date.UTC(2026, 0, 5, 10);
    conversation.turns.forEach((turn, i) => {
      let features: number[] | undefined;
      core.followOnProbe = (f) => (features = f);
      const outcome = core.respond({ input: { kind: 'text', text: turn.say }, memory, now: new Date(start + i * 60_000), conversation: `fit-${conversation.id}` });
      memory = outcome.memory;
      if (!features || turn.expect.followUp === undefined) return;
      const replies: TurnReplies = {
        texts: outcome.replies.flatMap((r) => (r.kind === 'text' ? [r.text] : [])),
        cards: outcome.replies.flatMap((r) => (r.kind === 'cards' ? r.cards : [])),
      };
      const rightButNote = problems(replies, turn.expect).every((p) => NOTE_PROBLEMS.test(p));
      cases.push({ set, features, worth: rightButNote ? (turn.expect.followUp ? 1 : -NEW_QUESTION_COST) : 0 });
    });
  }
  return cases;
}

/** Logistic regression on the cases that matter (follow-ups against new questions), then the bias
 * moved to where the summed worth on these cases is highest: that is where a new question's higher
 * cost comes in. */
export function fitFollowOnWeights(cases: FollowOnCase[], rounds = 3000, rate = 0.5, l2 = 0.002): Record<FollowOnFeature, number> {
  const used = cases.filter((c) => c.worth !== 0);
  const w = new Array<number>(FOLLOW_ON_FEATURES.length).fill(0);
  for (let round = 0; round < rounds; round++) {
    const grad = new Array<number>(w.length).fill(0);
    for (const c of used) {
      const z = c.features.reduce((s, x, i) => s + x * w[i], 0);
      const p = 1 / (1 + Math.exp(-z));
      const y = c.worth > 0 ? 1 : 0;
      for (let i = 0; i < w.length; i++) grad[i] += (p - y) * c.features[i];
    }
    for (let i = 0; i < w.length; i++) w[i] -= rate * (grad[i] / Math.max(used.length, 1) + (i === 0 ? 0 : l2 * w[i]));
  }
  const weights = Object.fromEntries(FOLLOW_ON_FEATURES.map((f, i) => [f, Math.round(w[i] * 1000) / 1000])) as Record<FollowOnFeature, number>;
  const scores = used.map((c) => followOnScore(c.features, weights)).sort((a, b) => a - b);
  let bestShift = 0;
  let bestWorth = worthOf(used, weights);
  for (const s of scores) {
    const shifted = { ...weights, bias: weights.bias - s + 1e-6 };
    const worth = worthOf(used, shifted);
    if (worth > bestWorth) [bestWorth, bestShift] = [worth, -s + 1e-6];
  }
  return { ...weights, bias: Math.round((weights.bias + bestShift) * 1000) / 1000 };
}

/** What saying "following on" where the weights say so is worth, summed over the cases. */
export function worthOf(cases: FollowOnCase[], weights: Record<FollowOnFeature, number>): number {
  return cases.reduce((sum, c) => sum + (followOnScore(c.features, weights) > 0 ? c.worth : 0), 0);
}

function main(): void {
  const core = new ConversationCore(new SearchEngine(readBuiltKnowledge(BUILT_KNOWLEDGE_FILE)));
  const files = Object.entries(CONVERSATION_SETS).filter(([name]) => name !== 'held-out');
  const all = files.flatMap(([, file], set) => casesOf(core, file, set));
  const gains = all.filter((c) => c.worth > 0).length;
  const losses = all.filter((c) => c.worth < 0).length;
  console.log(`${all.length} messages decided: ${gains} follow-ups right but for the note, ${losses} new questions right now`);
  let cvWorth = 0;
  let cvGained = 0;
  let cvLost = 0;
  files.forEach(([name], set) => {
    const weights = fitFollowOnWeights(all.filter((c) => c.set !== set));
    const left = all.filter((c) => c.set === set);
    const said = left.filter((c) => followOnScore(c.features, weights) > 0);
    const gained = said.filter((c) => c.worth > 0).length;
    const lost = said.filter((c) => c.worth < 0).length;
    cvWorth += gained - NEW_QUESTION_COST * lost;
    cvGained += gained;
    cvLost += lost;
    console.log(`  ${name.padEnd(10)} left out: +${gained} follow-ups, -${lost} new questions`);
  });
  console.log(`each set left out in turn: +${cvGained} follow-ups, -${cvLost} new questions (worth ${cvWorth}, a new question counting ${NEW_QUESTION_COST})`);
  const weights = fitFollowOnWeights(all);
  console.log(`weights in use: worth ${worthOf(all, FOLLOW_ON_WEIGHTS)}; fitted on all sets: worth ${worthOf(all, weights)}`);
  console.log(JSON.stringify(weights, null, 2));
}

if (require.main === module) main();
