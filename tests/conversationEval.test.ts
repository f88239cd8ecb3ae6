// `npm run eval:conversations` on a made-up set: it counts first turns, follow-ups and new questions,
// and a wrong expectation shows up as a miss.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ConversationCore } from '../src/conversation/core';
import { CONVERSATION_SETS, playSet } from '../src/eval/conversationEval';
import { RISK_SETS } from '../src/eval/riskEval';
import { PROJECT_ROOT } from '../src/paths';
import { madeUpEngine } from './fixtures/madeUpKnowledge';

function setFile(turns: Array<{ say: string; expect: Record<string, unknown> }>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'conversations-')), 'set.json');
  writeFileSync(file, JSON.stringify({ conversations: [{ id: 'money', role: 'frontline', turns }] }));
  return file;
}

describe('conversation evaluation', () => {
  const core = new ConversationCore(madeUpEngine());

  it('reads every tuning file on disk, each once: the counts of conversation sets and risk files are not stale', () => {
    const fixtures = join(PROJECT_ROOT, 'tests', 'fixtures');
    const onDisk = (dir: string, name: RegExp): string[] => readdirSync(dir).filter((f) => name.test(f)).sort();
    const sets = Object.entries(CONVERSATION_SETS).filter(([name]) => name !== 'held-out').map(([, file]) => basename(file));
    assert.deepEqual([...sets].sort(), onDisk(fixtures, /^(?:conversations|tuning-conversations-\d+)\.json$/));
    assert.equal(new Set(sets).size, sets.length);
    const risk = RISK_SETS.tuning.map((file) => basename(file));
    assert.deepEqual([...risk].sort(), onDisk(join(fixtures, 'risk'), /^tuning-messages(?:-\d+)?\.json$/));
  });

  it('counts first turns, follow-ups and new questions that come back right', () => {
    const file = setFile([
      { say: 'debt advice in Bonnyrigg', expect: { followUp: false, shows: ['Bonnyrigg Money Help'] } },
      { say: "what's their number?", expect: { followUp: true, shows: ['0131 496 0003'] } },
      { say: 'what is option 2', expect: { followUp: false, shows: ['individual service fund'] } },
    ]);
    const { tally, misses } = playSet(core, 'made-up', file);
    assert.deepEqual(tally, { firsts: 1, firstsRight: 1, followUps: 1, followUpsRight: 1, fresh: 1, freshRight: 1 });
    assert.deepEqual(misses, []);
  });

  it('counts a reply that does not show what it must as a miss', () => {
    const file = setFile([
      { say: 'debt advice in Bonnyrigg', expect: { shows: ['Bonnyrigg Money Help'] } },
      { say: "what's their number?", expect: { followUp: true, shows: ['0131 999 9999'] } },
    ]);
    const { tally, misses } = playSet(core, 'made-up', file);
    assert.equal(tally.followUpsRight, 0);
    assert.match(misses[0], /turn 2 "what's their number\?": does not show \/0131 999 9999\//);
  });
});
