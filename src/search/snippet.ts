// The part of a passage worth showing: the window of sentences with the most query words, with
// those words in bold. Staff read the snippet first, so it must be the bit that answers.
import { stem } from './stem';
import { tokenize } from './text';

const MAX_SNIPPET_CHARS = 420;

function sentences(text: string): string[] {
  return (text.replace(/\n+/g, '\n').match(/[^.!?\n]+(?:[.!?]+["')\]]*|\n|$)\s*/g) ?? [text]).map((s) => s.trim()).filter(Boolean);
}

const LIST_ITEM = /^(?:[-*•]|\d{1,2}[.)])\s/;
/** A list shown with its lead-in may run longer than a plain window, up to this many items. */
const MAX_LIST_ITEMS = 8;
const MAX_LIST_CHARS = 900;

const isItem = (part: string): boolean => LIST_ITEM.test(part);
const isLeadIn = (part: string): boolean => /:\s*$/.test(part);

/** Picks the best window of up to three sentences (and MAX_SNIPPET_CHARS). A list in or right after
 * the window is kept whole with its lead-in, or says how many more items there are. */
export function bestWindow(text: string, stems: ReadonlySet<string>, wants?: RegExp): string {
  const all = sentences(text);
  // The same sentence twice in a passage (a heading repeated in its text) is shown once.
  const parts = all.filter((p, i) => all.indexOf(p) === i);
  if (parts.length === 0) return '';
  let best = { start: 0, end: 1, score: -1 };
  for (let start = 0; start < parts.length; start++) {
    let length = 0;
    const covered = new Set<string>();
    let holdsWanted = false;
    for (let end = start; end < parts.length && end < start + 3; end++) {
      // "how many …", "what percentage …": a window holding a figure beats one that only repeats the words.
      if (wants?.test(parts[end])) holdsWanted = true;
      length += parts[end].length + 1;
      if (length > MAX_SNIPPET_CHARS && end > start) break;
      for (const t of tokenize(parts[end])) {
        const s = stem(t);
        if (stems.has(s)) covered.add(s);
      }
      // Prefer more distinct query words, then earlier and shorter windows.
      const score = covered.size * 10 + (holdsWanted ? 15 : 0) - (end - start) * 0.5 - start * 0.01;
      if (score > best.score) best = { start, end: end + 1, score };
    }
  }
  let { start, end } = best;
  // A window that starts inside a list starts at the list's lead-in.
  if (isItem(parts[start])) {
    while (start > 0 && isItem(parts[start - 1])) start--;
    if (start > 0 && isLeadIn(parts[start - 1])) start--;
  }
  // A window that ends on a lead-in or inside a list takes the list with it.
  let more = 0;
  const inList = end < parts.length && isItem(parts[end]) && (isLeadIn(parts[end - 1]) || isItem(parts[end - 1]));
  if (inList) {
    let items = parts.slice(start, end).filter(isItem).length;
    let length = parts.slice(start, end).join(' ').length;
    while (end < parts.length && isItem(parts[end]) && items < MAX_LIST_ITEMS && length + parts[end].length < MAX_LIST_CHARS) {
      length += parts[end].length + 1;
      items++;
      end++;
    }
    while (end + more < parts.length && isItem(parts[end + more])) more++;
  }
  const shown = parts.slice(start, end);
  const hasList = shown.some(isItem);
  let window = shown.map((p, i) => (i > 0 && (isItem(p) || (hasList && isItem(shown[i - 1]))) ? `\n${p}` : p)).join(' ').replace(/ \n/g, '\n');
  if (!hasList && window.length > MAX_SNIPPET_CHARS) window = `${window.slice(0, MAX_SNIPPET_CHARS - 1).trimEnd()}…`;
  const prefix = start > 0 ? '… ' : '';
  const suffix = more > 0 ? `\n… and ${more} more ${more === 1 ? 'item' : 'items'}` : end < parts.length && !window.endsWith('…') ? (hasList ? '\n…' : ' …') : '';
  return `${prefix}${window}${suffix}`;
}

/** How many list items a snippet says it left out ("… and 3 more items"). */
export function moreItemsIn(snippet: string): number {
  return Number(/… and (\d+) more items?$/.exec(snippet)?.[1] ?? 0);
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

/** `wants`: the kind of answer asked for (a figure, a date, a phone number), as its pattern. */
export function snippetFor(text: string, stems: ReadonlySet<string>, wants?: RegExp): string {
  return highlight(bestWindow(text, stems, wants), stems);
}

