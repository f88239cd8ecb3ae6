// Splits Markdown documents into passages a person can read in one go: at most MAX_PASSAGE_CHARS,
// never across a heading, each carrying its heading path and the plan's aim/outcome/timescale.
import type { MarkdownDocument, Passage, Timescale } from './types';

export const MAX_PASSAGE_CHARS = 1500;

interface Section {
  headings: string[];
  lines: string[];
  /** The subsections a heading gathered, named in its title. */
  gathered?: string[];
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Groups a Markdown body into sections, each with the full heading path above it. `keepEmpty`: keep
 * headings with no words of their own, for the passes that fill them. */
export function splitSections(body: string, keepEmpty = false): Section[] {
  const sections: Section[] = [];
  const path: string[] = [];
  let current: Section = { headings: [], lines: [] };
  for (const line of body.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading) {
      sections.push(current);
      const level = heading[1].length;
      path.length = Math.max(0, level - 2); // "##" is the top level in our documents
      path[level - 2] = cleanInline(heading[2]);
      current = { headings: path.filter(Boolean), lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  sections.push(current);
  return keepEmpty ? sections : withWords(sections);
}

function withWords(sections: Section[]): Section[] {
  return sections.filter((s) => s.lines.some((l) => l.trim() !== ''));
}

/** Removes link targets and heading-only markup, keeping bold, lists and the words. */
export function cleanInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    // A heading is plain text: Markdown's escapes ("£xxm\*") are dropped, or a title would show them.
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Splits a section's text into pieces under the size cap: by paragraph, then by sentence. */
export function packParagraphs(text: string, max = MAX_PASSAGE_CHARS): string[] {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    .flatMap((b) => (b.length <= max ? [b] : splitLong(b, max)));
  const pieces: string[] = [];
  let current = '';
  // A list belongs with the sentence that introduces it: pack them as one block when they fit.
  for (let i = blocks.length - 1; i > 0; i--) {
    const joined = `${blocks[i - 1]}\n\n${blocks[i]}`;
    if (isList(blocks[i]) && !isList(blocks[i - 1]) && joined.length <= max) blocks.splice(i - 1, 2, joined);
  }
  for (const block of blocks) {
    if (current && current.length + 2 + block.length > max) {
      pieces.push(current);
      current = block;
    } else {
      current = current ? `${current}\n\n${block}` : block;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function isList(block: string): boolean {
  return /^\s*(?:[-*]|\d+[.)])\s/.test(block);
}

function splitLong(block: string, max: number): string[] {
  // Lists split between items; prose between sentences; a run-on sentence by words.
  const units = block.includes('\n- ')
    ? block.split(/\n(?=- )/)
    : block.match(/[^.!?]+(?:[.!?]+["')\]]*\s*|$)/g) ?? [block];
  const out: string[] = [];
  let current = '';
  for (const raw of units) {
    for (const unit of raw.length > max ? hardWrap(raw, max) : [raw]) {
      if (current && current.length + unit.length + 1 > max) {
        out.push(current.trim());
        current = unit;
      } else {
        current = current ? `${current}${block.includes('\n- ') ? '\n' : ''}${unit}` : unit;
      }
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function hardWrap(text: string, max: number): string[] {
  const words = text.split(/\s+/);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + word.length + 1 > max) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

const AIM = /Strategic Aim No\.?\s*(\d)/i;
const OUTCOME = /^(\d\.\d)\s/;
const TIMESCALE = /^(short|medium|longer?)[- ]terms? aims?/i;

export interface PlanPosition {
  aim?: number;
  outcome?: string;
  timescale?: Timescale;
}

/** Reads aim, outcome and timescale from a heading path such as
 * ["Strategic Aim No.2: … — short, medium and longer term aims", "Short term aims", "2.1 People …"]. */
export function planPosition(headings: string[]): PlanPosition {
  const position: PlanPosition = {};
  // Outcome codes only mean outcomes inside a strategic aim; elsewhere (e.g. East Lothian's
  // numbered priorities) a leading "1.5" is just a list number.
  const underAim = headings.some((h) => AIM.test(h));
  for (const heading of headings) {
    const aim = AIM.exec(heading);
    if (aim) position.aim = Number(aim[1]);
    const outcome = underAim ? OUTCOME.exec(heading) : null;
    if (outcome) {
      position.outcome = outcome[1];
      position.aim ??= Number(outcome[1].charAt(0));
    }
    const timescale = TIMESCALE.exec(heading);
    if (timescale) position.timescale = timescale[1].toLowerCase().startsWith('long') ? 'longer' : (timescale[1].toLowerCase() as Timescale);
  }
  return position;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'intro';
}

/** Tags every or many SDS articles carry: they say nothing about what one article is about. */
const BROAD_TAGS = new Set(['sds', 'midlothian']);

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** The sections below section `i` (until the heading path leaves it), and which of them are its
 * direct subsections. */
function below(sections: Section[], i: number): { all: Section[]; children: Section[] } {
  const depth = sections[i].headings.length;
  const all: Section[] = [];
  for (const next of sections.slice(i + 1)) {
    if (next.headings.length <= depth || !sections[i].headings.every((h, k) => next.headings[k] === h)) break;
    all.push(next);
  }
  return { all, children: all.filter((s) => s.headings.length === depth + 1) };
}

/** A section that ends on a lead-in ("This is split up into four parts:") and whose list is its own
 * subsections gets their headings as its list, so the passage that introduces the parts names them. */
export function completeLeadIns(sections: Section[]): void {
  sections.forEach((section, i) => {
    const lastLine = [...section.lines].reverse().find((l) => l.trim() !== '') ?? '';
    if (!/:\s*$/.test(lastLine)) return;
    const children = below(sections, i).children.map((c) => c.headings[section.headings.length]);
    if (!children.length) return;
    // "four parts:" lists four, not a note that follows them.
    const said = /\b(two|three|four|five|six|seven|eight|nine|\d)\s+\w+:\s*$/i.exec(lastLine)?.[1]?.toLowerCase();
    const count = said ? (COUNT_WORDS[said] ?? Number(said)) : children.length;
    section.lines.push(...children.slice(0, count).map((h) => `- ${h}`));
  });
}

/** A heading with no words of its own over a few short subsections ("Our strategy on a page": the
 * vision, the mission, the values in a line each) gets them all as its text, so a question asking for
 * several at once has one passage that holds them. The subsections keep their own passages. */
export function gatherShortSubsections(sections: Section[], maxEach = 400, maxAll = 1200): void {
  sections.forEach((section, i) => {
    if (section.lines.some((l) => l.trim() !== '') || !section.headings.length) return;
    const depth = section.headings.length;
    const { all, children } = below(sections, i);
    // Only a flat run of subsections: one with sections of its own is not a line of a summary.
    if (all.length !== children.length) return;
    const texts = children.map((c) => c.lines.join('\n').trim());
    if (children.length < 2 || texts.some((t) => !t || t.length > maxEach) || texts.join('').length > maxAll) return;
    section.lines = children.flatMap((c, k) => [`**${c.headings[depth]}**`, '', texts[k], '']);
    section.gathered = children.map((c) => c.headings[depth]);
  });
}

/** Turns one Markdown document into passages. */
export function chunkDocument(doc: MarkdownDocument): Passage[] {
  const passages: Passage[] = [];
  const seen = new Map<string, number>();
  const all = splitSections(doc.body, true);
  completeLeadIns(all);
  gatherShortSubsections(all);
  const sections = withWords(all);
  // A heading that recurs in a document ("What we are trying to achieve", "Specific activity
  // required") says little alone; such passages are titled with their parent heading too.
  const headingCounts = new Map<string, number>();
  for (const s of sections) {
    const last = s.headings.at(-1);
    if (last) headingCounts.set(last, (headingCounts.get(last) ?? 0) + 1);
  }
  // An SDS article opens with its summary: the one passage that answers the question in full.
  if (doc.meta.kind === 'sds') {
    const intro = sections[0]?.headings.length === 0 ? sections[0] : undefined;
    if (intro) intro.lines.unshift(doc.meta.summary, '');
    else sections.unshift({ headings: [], lines: [doc.meta.summary] });
  }
  for (const section of sections) {
    const text = section.lines.map(cleanInline).join('\n');
    const pieces = packParagraphs(text);
    const sectionSlug = slug(section.headings.at(-1) ?? 'intro');
    const position = doc.kind === 'plan' ? planPosition(section.headings) : {};
    const heading = sectionTitle(doc, section.headings, (headingCounts.get(section.headings.at(-1) ?? '') ?? 0) > 1);
    const title = section.gathered ? `${heading}: ${section.gathered.join(', ')}` : heading;
    pieces.forEach((piece, i) => {
      const base = `${doc.id}#${sectionSlug}${pieces.length > 1 ? `-${i + 1}` : ''}`;
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      passages.push({
        id: count ? `${base}~${count + 1}` : base,
        kind: doc.kind,
        docId: doc.id,
        docTitle: doc.title,
        headings: section.headings,
        title,
        text: piece,
        questions: [],
        ...position,
        source: doc.title,
        sourceUrls: doc.meta.kind === 'sds' ? doc.meta.sources : [],
        ...(doc.meta.kind === 'sds' ? { summary: doc.meta.summary, reviewed: doc.meta.reviewed, topics: doc.meta.tags.filter((t) => !BROAD_TAGS.has(t)) } : {}),
      });
    });
  }
  // An SDS article's alternative questions point at its opening passage.
  if (doc.meta.kind === 'sds' && passages.length) passages[0].questions = doc.meta.questions;
  return passages;
}

function sectionTitle(doc: MarkdownDocument, headings: string[], recurring: boolean): string {
  const last = headings.at(-1);
  if (doc.kind === 'sds') return last ? `${doc.title}: ${last}` : doc.title;
  if (!last) return doc.title;
  const parent = headings.at(-2);
  return recurring && parent ? `${shortHeading(parent)}: ${last}` : last;
}

/** "Strategic Aim No.2: People access … — short, medium and longer term aims" → "Strategic Aim No.2". */
function shortHeading(heading: string): string {
  const aim = /^(Strategic Aim No\.?\s*\d)/.exec(heading);
  if (aim) return aim[1];
  return heading.length > 70 ? `${heading.slice(0, 69).trimEnd()}…` : heading;
}
