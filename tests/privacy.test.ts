import assert from 'node:assert/strict';
import { isValidChi, isValidChiDate, mod10CheckDigit, mod11CheckDigit, passesMod10, passesMod11 } from '../src/privacy/chi';
import { redactPersonalDetails, type PersonalDetailKind } from '../src/privacy/redact';
import {
  buildCorpus,
  directoryPhones,
  mulberry32,
  referenceLuhnValid,
  referenceMod11Valid,
  type Corpus,
  type CorpusMessage,
  type Kind,
} from './fixtures/privacyCorpus';

const redact = redactPersonalDetails;
const unchanged = (text: string) => assert.deepEqual(redact(text), { text, found: [] }, `changed: ${JSON.stringify(redact(text))}`);

describe('personal details', () => {
  describe('CHI check digits (hand-checked)', () => {
    // 0101501234: 0*10+1*9+0*8+1*7+5*6+0*5+1*4+2*3+3*2 = 62; 62 mod 11 = 7; 11-7 = 4.
    // Luhn of 010150123: doubled 0,0,5,1,3 -> 0,0,1,2,6 (=9) + 1,1,0,2 (=4) = 13; (10-3) mod 10 = 7.
    it('computes modulus-11 and modulus-10 check digits', () => {
      assert.equal(mod11CheckDigit('010150123'), 4);
      assert.equal(mod10CheckDigit('010150123'), 7);
    });

    it('accepts a modulus-11 CHI', () => {
      assert.ok(passesMod11('0101501234'));
      assert.ok(!passesMod10('0101501234'));
      assert.ok(isValidChi('0101501234'));
    });

    it('accepts a modulus-10 (Luhn) CHI that fails modulus 11', () => {
      assert.ok(passesMod10('0101501237'));
      assert.ok(!passesMod11('0101501237'));
      assert.ok(isValidChi('0101501237'));
    });

    it('turns a modulus-11 result of 11 into check digit 0', () => {
      // 311299123: 30+9+8+14+54+45+4+6+6 = 176 = 16*11, remainder 0, so 11 -> 0.
      assert.equal(mod11CheckDigit('311299123'), 0);
      assert.ok(isValidChi('3112991230'));
    });

    it('has no modulus-11 number when the result is 10, but modulus 10 still works', () => {
      // 150372008: 10+45+0+21+42+10+0+0+16 = 144; 144 mod 11 = 1; 11-1 = 10.
      assert.equal(mod11CheckDigit('150372008'), undefined);
      for (let d = 0; d <= 9; d++) assert.ok(!passesMod11(`150372008${d}`));
      // Luhn: doubled 1,0,7,0,8 -> 2,0,5,0,7 (=14) + 5,3,2,0 (=10) = 24; check 6.
      assert.ok(isValidChi('1503720086'));
    });

    it('rejects check digits that fail both schemes', () => {
      assert.ok(!isValidChi('0101501235')); // mod 11 wants 4, mod 10 wants 7
      assert.ok(!isValidChi('1503720010'));
    });

    it('rejects impossible dates even when a check digit passes', () => {
      // 31 February: 310250123 -> mod 11: 99 mod 11 = 0 -> 0; Luhn: 15 + 5 = 20 -> 0.
      assert.ok(passesMod11('3102501230') && passesMod10('3102501230'));
      assert.ok(!isValidChi('3102501230'));
      assert.ok(!isValidChiDate('290249')); // 1949 was not a leap year
      assert.ok(isValidChiDate('290248'));
      assert.ok(isValidChi('2902481233')); // 29 Feb 48, mod 11: 195 mod 11 = 8 -> 3
      assert.ok(!isValidChi('2902491239')); // passes mod 11 (200 mod 11 = 2 -> 9) but no 29 Feb 1949
      assert.ok(!isValidChiDate('011350'));
      assert.ok(!isValidChiDate('000150'));
      assert.ok(!isValidChiDate('310450'));
    });

    it('ignores spaces and hyphens, and needs exactly ten digits', () => {
      assert.ok(isValidChi('010150 1234'));
      assert.ok(isValidChi('01-01-50-1234'));
      assert.ok(isValidChi('010 150 1234'));
      assert.ok(!isValidChi('010150123'));
      assert.ok(!isValidChi('01015012345'));
      assert.ok(!isValidChi('01015O1234'));
    });

    it('agrees with independent implementations of both schemes on 20,000 random numbers', () => {
      const rng = mulberry32(11);
      const disagreements: string[] = [];
      for (let i = 0; i < 20000; i++) {
        const n = Array.from({ length: 10 }, () => Math.floor(rng() * 10)).join('');
        if (passesMod11(n) !== referenceMod11Valid(n) || passesMod10(n) !== referenceLuhnValid(n)) disagreements.push(n);
      }
      assert.deepEqual(disagreements.slice(0, 5), [], `${disagreements.length} disagreements`);
    });
  });

  describe('each kind is found and removed', () => {
    const cases: Array<[PersonalDetailKind, string, string]> = [
      ['email', 'email jo.bloggs@example.com about it', 'jo.bloggs@example.com'],
      ['email', 'her son is <Jo.Bloggs+care@Example.co.uk>.', 'Jo.Bloggs+care@Example.co.uk'],
      ['chi', 'her CHI is 0101501234', '0101501234'],
      ['chi', 'CHI 010150 1234 please', '010150 1234'],
      ['chi', 'chi 01-01-50-1234', '01-01-50-1234'],
      ['chi', 'chi 010 150 1234', '010 150 1234'],
      ['chi', 'new-style CHI 0101501237', '0101501237'],
      ['phone', 'call her on 07700 900123', '07700 900123'],
      ['phone', 'mobile 07700900123.', '07700900123'],
      ['phone', 'or +44 7700 900123', '+44 7700 900123'],
      ['phone', 'landline 0131 496 0000', '0131 496 0000'],
      ['phone', 'landline (0131) 496 0000', '(0131) 496 0000'],
      ['phone', 'Tranent 01875 123456', '01875 123456'],
      ['phone', 'home 0131-496-0000', '0131-496-0000'],
      ['postcode', 'lives at EH22 1DJ', 'EH22 1DJ'],
      ['postcode', 'lives at eh261ab', 'eh261ab'],
      ['postcode', 'EH26 8AB, Penicuik', 'EH26 8AB'],
      ['nino', 'NI number JT 12 34 56 C', 'JT 12 34 56 C'],
      ['nino', 'ni jt123456c', 'jt123456c'],
      ['nino', 'NINO: JT 12 34 56 (no suffix on the form)', 'JT 12 34 56'],
      ['date-of-birth', 'born 03/04/1948', '03/04/1948'],
      ['date-of-birth', 'she is 3.4.48', '3.4.48'],
      ['date-of-birth', 'dob 03-04-1948', '03-04-1948'],
      ['date-of-birth', 'born 3 April 1948', '3 April 1948'],
      ['date-of-birth', 'the Reids: 3rd April 1948 wants option 2', '3rd April 1948'],
      ['name', 'Mrs Reid wants option 2', 'Reid'],
      ['name', "visiting Mr John O'Neil in Dalkeith", "O'Neil"],
      ['name', 'Dr. McLean-Hay referred her', 'McLean-Hay'],
      ['date-of-birth', 'born 1948-04-03', '1948-04-03'],
      ['date-of-birth', 'born on 1 April 2014, is there a young carers group?', '1 April 2014'],
    ];
    for (const [kind, text, planted] of cases) {
      it(`${kind}: ${text}`, () => {
        const result = redact(text);
        assert.deepEqual(result.found, [kind], `found ${result.found.join(',')}`);
        assert.ok(!result.text.includes(planted), result.text);
      });
    }

    it('replaces each value with its label and lists each kind once', () => {
      const result = redact('CHI 0101501234, born 3/4/48, EH22 1DJ, 07700 900123 or 07700 900124, JT123456C, jo@example.com');
      assert.equal(result.text, 'CHI [CHI], born [date], [postcode], [phone] or [phone], [NI number], [email]');
      assert.deepEqual(result.found, ['email', 'chi', 'nino', 'date-of-birth', 'postcode', 'phone']);
    });

    it('treats a valid CHI as a CHI, not a phone number', () => {
      assert.deepEqual(redact('0101501234'), { text: '[CHI]', found: ['chi'] });
    });

    it('does not treat a ten-digit number failing both checks, or with an impossible date, as a CHI', () => {
      assert.ok(!redact('CHI 0101501235').found.includes('chi'));
      assert.ok(!redact('CHI 3102501230').found.includes('chi'));
      assert.ok(!redact('CHI 3112851235').found.includes('chi'));
    });

    it('finds nothing new in text it has already redacted', () => {
      const once = redact('CHI 0101501234, born 3/4/48, EH22 1DJ, 07700 900123, JT123456C, jo@example.com').text;
      assert.deepEqual(redact(once), { text: once, found: [] });
    });
  });

  describe('public numbers, plan figures and policy dates are kept', () => {
    it('keeps every phone number in the service directory, in its written form and respaced', () => {
      for (const { number } of directoryPhones()) {
        unchanged(`is ${number} the right number?`);
        unchanged(`is ${number.replace(/\s/g, '')} the right number?`);
      }
    });

    it('keeps short codes, helplines and freephone numbers', () => {
      for (const number of ['116 123', '111', '999', '101', '18001 111', '0800 83 85 87', '0800 731 6969', '0808 808 3000', '03000 134 000', '0131 271 3900', '0131 663 6869', '0300 123 2008', '0800 917 2227']) {
        unchanged(`ring ${number} for advice`);
      }
    });

    it('keeps a directory number next to a redacted personal one', () => {
      assert.equal(redact('her mobile is 07700 900123, VOCAL is 0131 663 6869').text, 'her mobile is [phone], VOCAL is 0131 663 6869');
    });

    it('keeps plan figures, codes, years and financial years', () => {
      for (const text of [
        'what are the short term aims under aim 2',
        'population 96,600 in 2022',
        'what is the 2025/26 budget',
        'outcome 2.1',
        '5,200 unpaid carers',
        '£622.90 a week',
        '27% of people',
        'in 2035',
        'the plan runs 2025-2035',
        '24/7 support for 3/4 of people',
        'it will be 125000 a year',
      ]) unchanged(text);
    });

    it('keeps months with years and partial postcodes', () => {
      for (const text of ['what changed in April 2023', 'the December 2022 IJB', 'lunch clubs in the Dalkeith EH22 area', 'EH26 and EH25']) unchanged(text);
    });

    it('keeps a full date that reads as a policy date, unless the message talks about birth', () => {
      for (const text of [
        'the SDS Act has been in force since 1 April 2014',
        'charging from 1 April 2019 to 31 March 2020',
        'statutory guidance 21 November 2022',
        'what did 1 April 2019 change for under 65s?',
        'the 1 April 2014 commencement',
      ]) unchanged(text);
      assert.deepEqual(redact('born since 1 April 2014?').found, ['date-of-birth']);
    });

    it('treats a bare full date with no context as a date of birth (redact when in doubt)', () => {
      assert.deepEqual(redact('1 April 2014?'), { text: '[date]?', found: ['date-of-birth'] });
    });

    it('ignores impossible dates', () => {
      unchanged('31/04/1948');
      unchanged('29 February 1949');
    });
  });

  describe('a synthetic corpus of staff messages', () => {
    let corpus: Corpus = { personal: [], ordinary: [] };
    const kinds: Kind[] = ['chi', 'postcode', 'phone', 'nino', 'email', 'date-of-birth'];
    const recall = new Map<Kind, { total: number; found: number; missed: string[] }>(kinds.map((k) => [k, { total: 0, found: 0, missed: [] }]));
    const survivors: string[] = [];
    const publicLost: string[] = [];
    const falsePositives: string[] = [];

    before(() => {
      corpus = buildCorpus(20260214);
      for (const message of corpus.personal) {
        const result = redact(message.text);
        for (const planted of message.planted) {
          const tally = recall.get(planted.kind)!;
          tally.total++;
          const gone = !result.text.includes(planted.value);
          if (gone && result.found.includes(planted.kind)) tally.found++;
          else tally.missed.push(`${planted.format}: ${JSON.stringify(message.text)} -> ${JSON.stringify(result.text)}`);
          if (!gone) survivors.push(`${planted.format}: ${JSON.stringify(result.text)}`);
        }
        checkKept(message, result.text);
      }
      for (const message of corpus.ordinary) {
        const result = redact(message.text);
        if (result.found.length || result.text !== message.text) falsePositives.push(`${JSON.stringify(message.text)} -> ${JSON.stringify(result.text)}`);
        checkKept(message, result.text);
      }
    });

    function checkKept(message: CorpusMessage, redacted: string) {
      for (const value of message.keep) if (!redacted.includes(value)) publicLost.push(`${value}: ${JSON.stringify(redacted)}`);
    }

    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)}%`;
    const describeRecall = (kind: Kind) => {
      const t = recall.get(kind)!;
      return `${kind} recall ${pct(t.found, t.total)} (${t.found}/${t.total}); missed e.g. ${t.missed.slice(0, 5).join(' | ')}`;
    };

    it('is big enough: at least 5,000 messages, 1,000 of them ordinary questions', () => {
      const total = corpus.personal.length + corpus.ordinary.length;
      assert.ok(total >= 5000 && corpus.ordinary.length >= 1000, `${total} messages, ${corpus.ordinary.length} ordinary`);
      for (const kind of kinds) assert.ok(recall.get(kind)!.total >= 500, `${kind}: ${recall.get(kind)!.total} planted`);
      const schemes = new Set(corpus.personal.flatMap((m) => m.planted.filter((p) => p.kind === 'chi').map((p) => p.format.split(':')[1])));
      assert.deepEqual([...schemes].sort(), ['mod10', 'mod11']);
    });

    it('finds every CHI (recall 100%)', () => {
      const t = recall.get('chi')!;
      assert.equal(t.found, t.total, describeRecall('chi'));
    });

    for (const kind of ['postcode', 'phone', 'nino', 'email', 'date-of-birth'] as const) {
      it(`finds at least 99% of ${kind}s`, () => {
        const t = recall.get(kind)!;
        assert.ok(t.found / t.total >= 0.99, describeRecall(kind));
      });
    }

    it('leaves no planted value anywhere in the redacted text', () => {
      assert.equal(survivors.length, 0, `${survivors.length} planted values survived, e.g. ${survivors.slice(0, 5).join(' | ')}`);
    });

    it('redacts at most 1% of ordinary questions', () => {
      const rate = falsePositives.length / corpus.ordinary.length;
      assert.ok(rate <= 0.01, `false positives ${pct(falsePositives.length, corpus.ordinary.length)} (${falsePositives.length}/${corpus.ordinary.length}): ${falsePositives.slice(0, 10).join(' | ')}`);
    });

    it('keeps directory numbers, short codes and plan figures that sit in the same messages', () => {
      assert.equal(publicLost.length, 0, `${publicLost.length} public values lost, e.g. ${publicLost.slice(0, 5).join(' | ')}`);
    });
  });
});
