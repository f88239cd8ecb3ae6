// Hostile and odd input: every string gets a normal answer or the help path, never an exception.
import assert from 'node:assert/strict';
import { composeAnswer } from '../src/answer/composeAnswer';
import { cardsForAnswer } from '../src/cards/cardData';
import { cardProblems } from './cardValidation';
import { searchEngine } from './helpers';

const OPERATORS = [':', '~', '^', '+', '-', '*', '"', "'", '\\', '~2', '^10', '+-', '::', '**', '~~', '^^'];
const WORDS = ['carers', 'direct payment', 'aim 2', 'title', 'option'];

export function hostileStrings(): string[] {
  const out: string[] = [];
  for (const op of OPERATORS) {
    for (const word of WORDS) {
      out.push(`${op}${word}`, `${word}${op}`, `${word} ${op} break`);
    }
    out.push(op, `${op}${op}${op}`, `title${op}carers`, `car${op}ers`);
  }
  out.push(
    '"unbalanced quote', "it's 'half", '((((', '))))', '[carers', '{x}', '"""',
    'x'.repeat(10_000), 'carers '.repeat(1500), `${'a'.repeat(5000)} respite`,
    '\u0000\u0001\u0002', 'carers\u0007\u0008', 'line\r\nbreak\ttab', '\u200b\u200b\u200b', '\ufeffcarers',
    'مرحبا كيف حالك', '\u202ecarers\u202c', 'שלום respite', 'Добрый день', '你好，自我指导支持', 'こんにちは',
    '😀', '🙏🏽🙏🏽', 'respite 🧓👵', '👨‍👩‍👧‍👦 family', '🏳️‍🌈',
    '<script>alert(1)</script>', '<b>carers</b>', '<img src=x onerror=alert(1)>', '&lt;carers&gt;', '<!-- -->',
    "'; DROP TABLE services; --", '1 OR 1=1', "' OR ''='", 'SELECT * FROM passages', 'UNION SELECT password',
    '???', '!!!', '...', '---', '___', '%%%', '£££', '///', '#@!', '.,;:',
    '${jndi:ldap://x}', '${root.title}', '{{7*7}}', '%s%s%s', '../../etc/passwd', 'null', 'undefined', 'NaN', '__proto__', 'constructor',
    '0', '-1', '1e309', '2.1.1.1.1', '0131', '999', '   ', '\n\n', '\t',
  );
  return out;
}

describe('hostile input', () => {
  const inputs = hostileStrings();

  it('has at least 200 hostile strings', () => {
    assert.ok(inputs.length >= 200, `only ${inputs.length}`);
  });

  it('never throws in search, and each answer is a normal answer or the help path', () => {
    const engine = searchEngine();
    for (const text of inputs) {
      let answer;
      try {
        answer = composeAnswer(engine, text).answer;
      } catch (error) {
        assert.fail(`threw on ${JSON.stringify(text.slice(0, 40))}: ${(error as Error).message}`);
      }
      assert.ok(['help', 'not_sure', 'passage', 'services', 'plan_list'].includes(answer.type));
    }
  });

  it('draws a valid card for every hostile string', () => {
    const engine = searchEngine();
    for (const text of inputs) {
      for (const card of cardsForAnswer(composeAnswer(engine, text).answer)) {
        assert.deepEqual(cardProblems(card), [], `card for ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
  });

  it('shows the help card for empty text, punctuation and gibberish', () => {
    const engine = searchEngine();
    for (const text of ['', '   ', '???', '...', 'asdfgh qwerty', 'zxqv bnmk']) {
      assert.equal(composeAnswer(engine, text).answer.type, 'help', JSON.stringify(text));
    }
  });
});
