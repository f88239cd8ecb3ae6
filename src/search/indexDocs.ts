// What lunr sees of a passage. Fields are tokenised by our tokeniser (src/search/text.ts) so the
// index and the queries agree on numbers, codes, apostrophes and spelling.
import type { IndexableDoc } from './lunrSetup';
import { tokenize } from './text';
import type { Passage } from '../knowledge/types';

export function passageCodes(p: Passage): string[] {
  const codes: string[] = [];
  if (p.aim) codes.push('aim', String(p.aim), `aim${p.aim}`);
  if (p.outcome) codes.push('outcome', p.outcome);
  if (p.timescale) codes.push(p.timescale, 'term');
  return codes;
}

export function toIndexable(p: Passage): IndexableDoc {
  return {
    id: p.id,
    title: tokenize(p.title),
    headings: tokenize([p.docTitle, ...p.headings].join(' ')),
    questions: tokenize(p.questions.join(' ')),
    codes: passageCodes(p),
    body: tokenize(p.text),
  };
}
