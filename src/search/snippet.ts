// The part of a passage worth showing: the window of sentences with the most query words, with
// those words in bold. Staff read the snippet first, so it must be the bit that answers.
import { stem } from './stem';
import { tokenize } from './text';

const MAX_SNIPPET_CHARS = 420;

function sentences(text: string): string[] {
  return (text.replace(/\n+/g, '\n').match(/[^.!?\n]+(?:[.!?]+["')\]]*|\n|$)\s*/g) ?? [text]).map((s) => s.trim()).filter(Boolean);
}

/** Picks the best window of up to three sentences (and MAX_SNIPPET_CHARS). */
export function bestWindow(text: string, stems: ReadonlySet<string>): string {
  const parts = sentences(text);
  if (parts.length === 0) return '';
  let best = { start: 0, end: 1, score: -1 };
  for (let start = 0; start < parts.length; start++) {
    let length = 0;
    const covered = new Set<string>();
    for (let end = start; end < parts.length && end < start + 3; end++) {
      length += parts[end].length + 1;
      if (length > MAX_SNIPPET_CHARS && end > start) break;
      for (const t of tokenize(parts[end])) {
        const s = stem(t);
        if (stems.has(s)) covered.add(s);
      }
      // Prefer more distinct query words, then earlier and shorter windows.
      const score = covered.size * 10 - (end - start) * 0.5 - start * 0.01;
      if (score > best.score) best = { start, end: end + 1, score };
    }
  }
  let window = parts.slice(best.start, best.end).join(' ');
  if (window.length > MAX_SNIPPET_CHARS) window = `${window.slice(0, MAX_SNIPPET_CHARS - 1).trimEnd()}…`;
  const prefix = best.start > 0 ? '… ' : '';
  const suffix = best.end < parts.length && !window.endsWith('…') ? ' …' : '';
  return `${prefix}${window}${suffix}`;
}

/** Wraps words whose stem is a query stem in Markdown bold (Adaptive Cards render **bold**). */
export function highlight(text: string, stems: ReadonlySet<string>): string {
  const plain = text.replace(/\*\*/g, '');
  return plain.replace(/[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’.,/%-]*/g, (word) => {
    const core = word.replace(/[.,/%'’-]+$/, '');
    const tail = word.slice(core.length);
    const tokens = tokenize(core);
    return tokens.length > 0 && tokens.every((t) => stems.has(stem(t))) && core.length > 1 ? `**${core}**${tail}` : word;
  });
}

export function snippetFor(text: string, stems: ReadonlySet<string>): string {
  return highlight(bestWindow(text, stems), stems);
}

