import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { buildReport, staleServices } from '../src/cli/report';
import { MemoryClaims } from '../src/storage/claims';
import { RecordStore } from '../src/storage/records';
import { builtKnowledge } from './helpers';

describe("curators' report", () => {
  it('summarises feedback by passage with reasons, unanswered questions, and directory records to check', async () => {
    const storage = new MemoryStorage();
    const now = new Date('2026-11-23T12:00:00Z');
    const records = new RecordStore(storage, () => now);
    await records.addFeedback('p1', 'c1', { helpful: true });
    await records.addFeedback('p1', 'c2', { helpful: false });
    await records.addFeedback('p1', 'c2', { helpful: false, reason: 'out-of-date', redactedComment: 'number changed' });
    await records.addFeedback('p2', 'c5', { helpful: false, via: 'teams', passageIds: ['p2', 'p3'], redactedComment: 'wrong area' });
    await records.addFeedback('', 'c6', { helpful: true, via: 'teams' });
    await records.addUnanswered('where is the canteen', [], 'c3');
    await records.addUnanswered('Where is the canteen ', [], 'c4');
    const report = await buildReport(storage, builtKnowledge().services, 7, now);
    assert.equal(report.feedback.total, 5);
    assert.equal(report.feedback.helpful, 2);
    assert.equal(report.feedback.notHelpful, 2);
    assert.equal(report.feedback.withTeamsButtons, 2);
    assert.equal(report.feedback.notTiedToAnswer, 1);
    assert.deepEqual(report.feedback.byPassage.find((p) => p.passageId === 'p1'), { passageId: 'p1', helpful: 1, notHelpful: 1, reasons: { 'out-of-date': 1 } });
    assert.deepEqual(report.feedback.byPassage.find((p) => p.passageId === 'p2'), { passageId: 'p2', helpful: 0, notHelpful: 1, reasons: {} });
    assert.deepEqual(report.feedback.comments, ['number changed', 'wrong area']);
    assert.deepEqual(report.unanswered.questions, [{ question: 'where is the canteen', times: 2 }]);
    assert.ok(report.staleServices.length > 0);
  });

  it('keeps every record when two instances start the same day at once, sharing storage and claims', async () => {
    const storage = new MemoryStorage();
    const claims = new MemoryClaims();
    const now = () => new Date('2026-11-23T08:00:00Z');
    const [a, b] = [new RecordStore(storage, now, claims), new RecordStore(storage, now, claims)];
    await Promise.all([a.addUnanswered('q1', [], 'c1'), b.addUnanswered('q2', [], 'c2'), b.addUnanswered('q3', [], 'c3'), a.addUnanswered('q4', [], 'c4')]);
    const kept = await a.list('unanswered', 1);
    assert.deepEqual(kept.map((r) => (r.type === 'unanswered' ? r.question : '')).sort(), ['q1', 'q2', 'q3', 'q4']);
  });

  it('lists services whose source is over 12 months old, undated or flagged, and not the others', () => {
    const base = builtKnowledge().services[0];
    const now = new Date('2026-11-23T00:00:00Z');
    const fresh = { ...base, id: 'fresh', as_of: '2026-09', review_flags: [] };
    const old = { ...base, id: 'old', as_of: '2024-01', review_flags: [] };
    const flagged = { ...base, id: 'flagged', as_of: '2026-10', review_flags: ['source-undated'] };
    assert.deepEqual(staleServices([fresh, old, flagged], now).map((s) => s.id), ['old', 'flagged']);
  });
});
