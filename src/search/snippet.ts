// The part of a passage worth showing: the window of sentences with the most query words, with
// those words in bold. Staff read the snippet first, so it must be the bit that answers.
import { stem } from './stem';
import { tokenize } from './text';

const LIST_ITEM = /^(?:[-*•]|\d{1,2}[.)])\s/;
const MAX_SNIPPET_CHARS = 420;
/** A passage this short is shown whole: cutting it saves a line or two and can cut the answer off. */
const MAX_WHOLE_CHARS = 560;

// A sentence ends at . ! or ? followed by a capital (or the end), so "2.2%", "c. £6.2m" and "e.g. a
// carer" stay whole; a few abbreviations before a capital ("St. David's") do not end one either.
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Co|Ltd|Rev|Prof|approx|c|e\.g|i\.e|vs|etc))([.!?]+["')\]]*)\s+(?=["'‘“(]?[A-Z])/g;

/** The parts a snippet is built from: sentences, except that a list item is one part however many
 * sentences it holds, so a window never shows half an item. */
export function sentences(text: string): string[] {
  const parts: string[] = [];
  for (const line of text.split(/\n+/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (LIST_ITEM.test(trimmed)) parts.push(trimmed);
    else parts.push(...trimmed.replace(SENTENCE_END, '$1\u0000').split('\u0000').map((s) => s.trim()).filter(Boolean));
  }
  return parts.length ? parts : [text.trim()];
}

/** What leading with the asked words is worth: less than one more idea of the question covered. */
const LEADS_BONUS = 4;
/** What each word of the conversation beside a window adds: three of them together stay well under one
 * idea of the question's (10), so they choose only among windows holding the same ideas (where they may
 * outweigh a window's length or its mentions). */
const BESIDE_WORD = 1;
/** A list shown with its lead-in may run longer than a plain window, up to this many items. */
const MAX_LIST_ITEMS = 8;
const MAX_LIST_CHARS = 900;
/** Sentences that turn the one before round: what is done instead, the exception to it, or what follows from it. */
const TURNS_ROUND = /^(?:Instead|However|But|Rather|Even so|This means|That means|As a result)\b/;
/** A window shorter than this grows by the sentences after it. */
const FILL_CHARS = 300;

const isItem = (part: string): boolean => LIST_ITEM.test(part);

/** Picks the best window of up to three sentences (and MAX_SNIPPET_CHARS). A list in or right after
 * the window is kept whole with its lead-in, or says how many more items there are. */
export function bestWindow(text: string, stems: ReadonlySet<string>, wants?: RegExp, concepts?: ReadonlyArray<ReadonlySet<string>>, defines = false, beside?: ReadonlySet<string>): string {
  const all = sentences(text);
  // The same sentence twice in a passage (a heading repeated in its text) is shown once.
  const parts = all.filter((p, i) => all.indexOf(p) === i);
  if (parts.length === 0) return '';
  let best = { start: 0, end: 1, score: -1 };
  // A sentence that starts with the asked words is about them ("Primrose Lodge in Loanhead is …"),
  // not one that only names them in passing ("… e.g., Primrose Lodge.").
  const leads = parts.map((p) => tokenize(p.replace(LIST_ITEM, '')).slice(0, 2).some((t) => stems.has(stem(t))));
  for (let start = 0; start < parts.length; start++) {
    let length = 0;
    const covered = new Set<string>();
    const near = new Set<string>();
    let holdsWanted = false;
    let hits = 0;
    for (let end = start; end < parts.length && end < start + 3; end++) {
      // "how many …", "what percentage …": a window holding a figure beats one that only repeats the words.
      if (wants?.test(parts[end])) holdsWanted = true;
      length += parts[end].length + 1;
      if (length > MAX_SNIPPET_CHARS && end > start) break;
      for (const t of tokenize(parts[end])) {
        const s = stem(t);
        if (stems.has(s)) {
          covered.add(s);
          hits++;
        } else if (beside?.has(s)) near.add(s);
      }
      // Prefer more of the question's ideas (or, without them, distinct words), then earlier and
      // shorter windows: "internet speed" wants the line with both, not one with three synonyms of one.
      // Among windows with as many ideas, the one that says more about them (more mentions) wins.
      const ideas = concepts ? concepts.filter((c) => [...c].some((s) => covered.has(s))).length : covered.size;
      // Asked what a thing is ("what are directions?"), the first sentence to lead with it defines it;
      // later ones that name it more often say what is done with it.
      const mentions = defines ? 0 : Math.min(hits, 5) * 0.8;
      // The conversation's words choose only among windows that hold as many of the question's ideas.
      const context = defines ? 0 : Math.min(near.size, 3) * BESIDE_WORD;
      const score = ideas * 10 + (holdsWanted ? 15 : 0) + mentions + context - (end - start) * 0.5 - start * 0.01 + (leads[start] ? LEADS_BONUS : 0);
      if (score > best.score) best = { start, end: end + 1, score };
    }
  }
  // The sentence right before a list introduces it, whether or not it ends in a colon.
  const isLeadIn = (i: number): boolean => i >= 0 && !isItem(parts[i]) && (/:\s*$/.test(parts[i]) || (i + 1 < parts.length && isItem(parts[i + 1])));
  const whole = text.length <= MAX_WHOLE_CHARS;
  if (whole) best = { start: 0, end: parts.length, score: 0 };
  let { start, end } = best;
  let limit = MAX_SNIPPET_CHARS;
  // A short window grows by the sentences after it, while they fit: the sentence that explains or
  // lists ("These services are …") usually follows the one that names the asked words.
  if (!whole) {
    let length = parts.slice(start, end).join(' ').length;
    while (end < parts.length && !isItem(parts[end]) && length < FILL_CHARS && length + parts[end].length + 1 <= MAX_SNIPPET_CHARS) {
      length += parts[end].length + 1;
      end++;
    }
    // A window that stops right before a list's lead-in ("We look at:", or "… across 7 key areas"
    // with no colon) takes the lead-in too, and so the list.
    if (end < parts.length - 1 && isLeadIn(end) && isItem(parts[end + 1])) end++;
    // "There is no natural split … Instead, we work with our 15 natural communities": a sentence that
    // turns the one before round says what is done instead, often the answer; it comes too, while short.
    else if (end < parts.length && TURNS_ROUND.test(parts[end]) && length + parts[end].length + 1 <= MAX_WHOLE_CHARS) {
      end++;
      limit = MAX_WHOLE_CHARS;
    }
  }
  // A window that starts inside a list starts at the list's lead-in.
  if (isItem(parts[start])) {
    while (start > 0 && isItem(parts[start - 1])) start--;
    if (isLeadIn(start - 1)) start--;
  }
  // A window that ends on a lead-in or inside a list takes the list with it.
  let more = 0;
  const inList = end < parts.length && isItem(parts[end]) && (isLeadIn(end - 1) || isItem(parts[end - 1]));
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
  // A passage shown whole is not cut after all: its last sentence may be the answer.
  if (!hasList && !whole && window.length > limit) window = `${window.slice(0, limit - 1).trimEnd()}…`;
  const prefix = start > 0 ? '… ' : '';
  const suffix = more > 0 ? `\n… and ${more} more ${more === 1 ? 'item' : 'items'}` : end < parts.length && !window.endsWith('…') ? (hasList ? '\n…' : ' …') : '';
  return `${prefix}${window}${suffix}`;
}

/** How many list items a snippet says it left out ("… and 3 more items"). */
export function moreItemsIn(snippet: string): number {
  return Number(/… and (\d+) more items?$/.exec(snippet)?.[1] ?? 0);
}

/** Puts the sentence or list line holding most of the question's words in Markdown bold (Adaptive Cards render **bold**). */
export function highlight(text: string, stems: ReadonlySet<string>): string {
  // The sentence (or list line) holding most of the question's words is put in bold, whole: a reader
  // on a phone finds the answer at a glance, and the words stay together as written ("Employers'
  // Liability Insurance", "Options 2 and 3"), so the text reads and copies as the source has it.
  const plain = text.replace(/\*\*/g, '');
  let best = '';
  let most = 0;
  for (const part of plain.split(/(?<=[.!?])\s+|\n/)) {
    const count = questionWordsIn(part, stems);
    if (count > most) {
      most = count;
      best = part;
    }
  }
  const body = best.replace(/^\s*(?:[-*•]\s+)?/, '').trim();
  if (!body) return plain;
  const at = plain.indexOf(body);
  return `${plain.slice(0, at)}**${body}**${plain.slice(at + body.length)}`;
}

/** How many words of a text are the question's words (by stem). */
function questionWordsIn(text: string, stems: ReadonlySet<string>): number {
  let count = 0;
  for (const word of text.match(/[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’.,/%-]*/g) ?? []) {
    const core = word.replace(/[.,/%'’-]+$/, '');
    const tokens = tokenize(core);
    if (core.length > 1 && tokens.length > 0 && tokens.every((t) => stems.has(stem(t)))) count++;
  }
  return count;
}

/** `wants`: the kind of answer asked for (a figure, a date, a phone number), as its pattern; `defines`:
 * asked what a thing is. */
export function snippetFor(text: string, stems: ReadonlySet<string>, wants?: RegExp, concepts?: ReadonlyArray<ReadonlySet<string>>, defines = false, beside?: ReadonlySet<string>): string {
  return highlight(bestWindow(text, stems, wants, concepts, defines, beside), stems);
}

