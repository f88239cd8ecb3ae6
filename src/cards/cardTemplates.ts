// Card templates live in cards/*.json as data; this expands them with adaptivecards-templating.
// Templates are read once and cached: no file reads on the request path after the first card.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CARDS_DIR } from '../paths';

export const CARD_NAMES = ['answer', 'service', 'sds', 'welcome', 'not-sure', 'plan-list', 'results', 'feedback-form', 'feedback-reason', 'emergency', 'signpost-step', 'signposting', 'plan-browse'] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** An Adaptive Card as JSON, ready to go in an attachment. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const cache = new Map<CardName, unknown>();

/** adaptivecards-templating parses every `${...}` string of a template with an ANTLR grammar on
 * every expansion — most of a turn's CPU. The strings come only from our templates (data is never
 * parsed), and a parsed expression can be evaluated again and again, so parse each one once. */
type ParseFn = (text: string) => unknown;
const templateStatics = ACData.Template as unknown as { parseInterpolatedString: ParseFn };
const parseOnce = templateStatics.parseInterpolatedString.bind(ACData.Template);
const parsed = new Map<string, unknown>();
templateStatics.parseInterpolatedString = (text: string): unknown => {
  let expression = parsed.get(text);
  if (expression === undefined) {
    expression = parseOnce(text);
    if (parsed.size < 5000) parsed.set(text, expression);
  }
  return expression;
};

export function loadTemplate(name: CardName, dir = CARDS_DIR): unknown {
  let template = cache.get(name);
  if (template === undefined) {
    template = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as unknown;
    cache.set(name, template);
  }
  return template;
}

export function expandCard(name: CardName, data: object): AdaptiveCardJson {
  const template = new ACData.Template(loadTemplate(name));
  return fitButtonTitles(template.expand({ $root: data }) as AdaptiveCardJson);
}

/** Characters of a button title that show on a phone-width card before Teams clips it. */
export const MAX_BUTTON_TITLE = 30;

/** A title cut at a word, not mid-word, with an ellipsis. */
export function buttonTitle(title: string, max = MAX_BUTTON_TITLE): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ') > max / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Long button titles are cut at a word; the whole title stays as the button's tooltip. */
function fitButtonTitles<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(fitButtonTitles);
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string' && n.title.length > MAX_BUTTON_TITLE) {
      n.tooltip ??= n.title;
      n.title = buttonTitle(n.title);
    }
    Object.values(n).forEach(fitButtonTitles);
  }
  return node;
}
