import assert from 'node:assert/strict';
import { redactPersonalDetails } from '../src/privacy/redact';

describe('personal details', () => {
  const cases: Array<[string, string, string]> = [
    ['email', 'email jo.bloggs@example.com about it', 'jo.bloggs@example.com'],
    ['chi', 'her CHI is 0101501234', '0101501234'],
    ['chi', 'CHI 010150 1234 please', '010150 1234'],
    ['phone', 'call her on 07700 900123', '07700 900123'],
    ['phone', 'landline 0131 496 0000', '0131 496 0000'],
    ['postcode', 'lives at EH22 1DJ', 'EH22 1DJ'],
    ['nino', 'NI number JT 12 34 56 C', 'JT 12 34 56 C'],
    ['date-of-birth', 'born 03/04/1948', '03/04/1948'],
  ];
  for (const [kind, text, planted] of cases) {
    it(`removes a ${kind}`, () => {
      const result = redactPersonalDetails(text);
      assert.ok(result.found.includes(kind as never), `found ${result.found.join(',')}`);
      assert.ok(!result.text.includes(planted));
    });
  }

  it('leaves ordinary questions alone, including plan figures and codes', () => {
    for (const text of ['what are the short term aims under aim 2', 'population 96,600 in 2022', 'what is the 2025/26 budget', 'outcome 2.1', 'samaritans 116 123']) {
      assert.deepEqual(redactPersonalDetails(text), { text, found: [] });
    }
  });
});
