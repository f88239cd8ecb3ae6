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
  return template.expand({ $root: data }) as AdaptiveCardJson;
}
