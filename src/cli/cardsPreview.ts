// `npm run cards:preview`: renders every card template, with realistic data, through the Adaptive
// Cards HTML renderer in headless Chromium under Teams-like light, dark and high-contrast host
// configs, and writes PNG screenshots to dist/card-previews/ for review.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { AdaptiveCardJson } from '../cards/cardTemplates';
import { contrastProblems, MIN_CONTRAST, textUses, type HostConfigColours, type TextUse } from '../cards/contrast';
import { sampleCards, type SampleCard } from '../cards/sampleCards';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { BUILT_KNOWLEDGE_FILE, CARDS_DIR, PROJECT_ROOT } from '../paths';
import { SearchEngine } from '../search/searchEngine';

export const THEMES = ['light', 'dark', 'high-contrast'] as const;
/** Debian's Chromium (a browser download is not possible here), started so it reaches nothing outside. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const PREVIEW_DIR = join(PROJECT_ROOT, 'dist', 'card-previews');

export interface PreviewResult {
  card: string;
  theme: string;
  /** Parse and render problems reported by the renderer. */
  errors: string[];
  /** The card has `speak` text for screen readers. */
  hasSpeak: boolean;
  /** Images without alt text. */
  imagesWithoutAlt: number;
  file?: string;
}

/** Renders each card under each theme; writes PNGs when outDir is given. */
export async function renderPreviews(cards: SampleCard[], chromiumPath: string, outDir?: string): Promise<PreviewResult[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 480, height: 800 } });
    await page.setContent('<!doctype html><html><head><style>#root a { color: inherit; text-decoration: underline; }</style></head><body style="margin:0"><div id="root"></div></body></html>');
    const acDir = join(PROJECT_ROOT, 'node_modules', 'adaptivecards', 'dist');
    await page.addScriptTag({ content: readFileSync(join(acDir, 'adaptivecards.min.js'), 'utf8') });
    if (outDir) mkdirSync(outDir, { recursive: true });
    const results: PreviewResult[] = [];
    for (const theme of THEMES) {
      const hostConfig: unknown = JSON.parse(readFileSync(join(CARDS_DIR, 'host-configs', `${theme}.json`), 'utf8'));
      for (const { name, card } of cards) {
        const rendered = await page.evaluate(renderInPage, { card, hostConfig });
        const result: PreviewResult = { card: name, theme, ...rendered };
        if (outDir) {
          result.file = join(outDir, `${name}-${theme}.png`);
          await page.locator('#root > div').screenshot({ path: result.file });
        }
        results.push(result);
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** Runs in the page: parse, render, and report. Kept self-contained (it is serialised). */
function renderInPage({ card, hostConfig }: { card: AdaptiveCardJson; hostConfig: unknown }): { errors: string[]; hasSpeak: boolean; imagesWithoutAlt: number } {
  type Ac = {
    AdaptiveCard: { new (): AcCard; onProcessMarkdown?: (text: string, result: { outputHtml?: string; didProcess: boolean }) => void };
    HostConfig: new (json: unknown) => unknown;
    SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
  };
  type AcCard = { hostConfig: unknown; parse(json: unknown, context: unknown): void; render(): HTMLElement | undefined; validateProperties(): { validationEvents: Array<{ message: string }> } };
  const AC = (window as unknown as { AdaptiveCards: Ac }).AdaptiveCards;
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Teams renders a small Markdown subset; do the same so previews look as they will.
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const lines = escape(text).split('\n');
    const html: string[] = [];
    let inList = false;
    for (const line of lines) {
      const item = /^\s*-\s+(.*)$/.exec(line);
      if (item && !inList) html.push('<ul>');
      if (!item && inList) html.push('</ul>');
      inList = Boolean(item);
      const body = (item ? item[1] : line)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
      html.push(item ? `<li>${body}</li>` : `${body}<br>`);
    }
    if (inList) html.push('</ul>');
    result.outputHtml = html.join('');
    result.didProcess = true;
  };
  const errors: string[] = [];
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext();
  adaptive.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  for (const event of adaptive.validateProperties().validationEvents) errors.push(event.message);
  const root = document.getElementById('root') as HTMLElement;
  root.innerHTML = '';
  const frame = document.createElement('div');
  frame.style.width = '440px';
  frame.style.padding = '12px';
  const background = (hostConfig as { containerStyles: { default: { backgroundColor: string } } }).containerStyles.default.backgroundColor;
  frame.style.background = background;
  root.appendChild(frame);
  try {
    const element = adaptive.render();
    if (element) frame.appendChild(element);
    else errors.push('the renderer returned nothing');
  } catch (error) {
    errors.push(`render threw: ${String(error)}`);
  }
  const images = Array.from(frame.querySelectorAll('img'));
  return {
    errors,
    hasSpeak: typeof card.speak === 'string' && card.speak.trim().length > 0,
    imagesWithoutAlt: images.filter((img) => !img.getAttribute('alt')).length,
  };
}

/** Text that cannot be read (contrast under 4.5:1) in each theme, over every text colour and
 * container style the sample cards use. */
export function readabilityProblems(cards: SampleCard[]): Array<{ theme: string; problems: string[] }> {
  const uses = new Map<string, TextUse>();
  for (const { card } of cards) for (const use of textUses(card)) uses.set(JSON.stringify(use), use);
  return THEMES.map((theme) => {
    const config = JSON.parse(readFileSync(join(CARDS_DIR, 'host-configs', `${theme}.json`), 'utf8')) as HostConfigColours;
    return { theme, problems: contrastProblems(config, [...uses.values()]) };
  });
}

if (require.main === module) {
  const chromiumPath = CHROMIUM_PATH;
  const engine = new SearchEngine(readBuiltKnowledge(BUILT_KNOWLEDGE_FILE));
  const samples = sampleCards(engine);
  for (const { theme, problems } of readabilityProblems(samples)) {
    console.log(`${problems.length ? 'PROBLEM' : 'ok     '} contrast ≥ ${MIN_CONTRAST}:1 in ${theme}${problems.length ? ` — ${problems.join('; ')}` : ''}`);
    if (problems.length) process.exitCode = 1;
  }
  renderPreviews(samples, chromiumPath, PREVIEW_DIR)
    .then((results) => {
      for (const r of results) console.log(`${r.errors.length ? 'PROBLEM' : 'ok     '} ${r.card.padEnd(16)} ${r.theme.padEnd(14)} ${r.file ?? ''}${r.errors.length ? ` — ${r.errors.join('; ')}` : ''}`);
      console.log(`\n${results.length} previews written to dist/card-previews/`);
      if (results.some((r) => r.errors.length)) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(`Card preview failed: ${(error as Error).message} (is Chromium installed at ${chromiumPath}? apt-get install chromium)`);
      process.exitCode = 1;
    });
}
