// What a person types is shown back as text, never as markup. A payload of Markdown links, images,
// raw HTML, emphasis and a bare address goes through every input the bot has; everything the bot
// sends (card text, fact values, plain messages, the copy text) is rendered with a CommonMark
// renderer (markdown-it, HTML and linkify on: stricter than Teams), and none of it may turn into a
// link, image, emphasis or HTML element.
import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, knowledgeText, unescapeMarkdown } from '../src/cards/markdown';
import { makeBot, say } from './helpers';

const PAYLOAD =
  '[verify your NHS login here](https://evil.example/login) ![pic](https://evil.example/p.png) <b>HTMLBOLD</b> <img src="https://evil.example/x.png"> *EMPH* __STRONG__ www.evil.example <https://evil.example/auto>';
const markdown = new MarkdownIt({ html: true, linkify: true });

/** Every Markdown string a client would render from one activity. */
function renderedTexts(activity: Partial<Activity>): string[] {
  const out: string[] = [];
  if (typeof activity.text === 'string') out.push(activity.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (n.type === 'FactSet') for (const f of (n.facts as Array<{ value?: unknown }>) ?? []) if (typeof f.value === 'string') out.push(f.value);
    Object.values(n).forEach(walk);
  };
  walk(activity.attachments?.map((a) => a.content));
  return out.map((t) => markdown.render(t));
}

function assertInert(html: string, where: string): void {
  assert.doesNotMatch(html, /(?:href|src)="[^"]*evil\.example/i, `${where}: a typed link or image became live\n${html}`);
  assert.doesNotMatch(html, /<img/i, `${where}: an image\n${html}`);
  assert.doesNotMatch(html, /<(?:em|strong)>[^<]*(?:EMPH|STRONG)/, `${where}: typed emphasis rendered\n${html}`);
  assert.doesNotMatch(html, /<b>HTMLBOLD/i, `${where}: typed HTML passed through\n${html}`);
}

const value = (v: Record<string, unknown>): Partial<Activity> => ({ type: ActivityTypes.Message, value: v });

describe('user text is never markup', () => {
  it('escapes every Markdown construct, and the escape reads back as the typed text', () => {
    const html = markdown.render(escapeMarkdown(PAYLOAD));
    assertInert(html, 'escaped payload');
    assert.match(html, /verify your NHS login here/);
    assert.equal(unescapeMarkdown(escapeMarkdown('a [b](c) *d* 1. e')), 'a [b](c) *d* 1. e');
    assert.doesNotMatch(markdown.render(escapeMarkdown('- item\n# heading\n1. one')), /<(?:li|h1|ol|ul)>/);
  });

  it('keeps our own knowledge text as written ("outcome 3.2", "8am-10pm"), escaping only what would be emphasis or a link', () => {
    assert.equal(knowledgeText('Aim 3 › outcome 3.2 › Mon-Fri 8am-10pm (H@H)'), 'Aim 3 › outcome 3.2 › Mon-Fri 8am-10pm (H@H)');
    const html = markdown.render(knowledgeText('a *b* _c_ [d](e) `f`'));
    assert.doesNotMatch(html, /<(?:em|strong|a|code)\b/);
    assert.match(html, /\*b\* _c_ \[d\]\(e\) `f`/);
  });

  it('shows a typed Markdown link as text in the signposting summary (typed answers and card answers)', async () => {
    for (const how of ['typed', 'card'] as const) {
      const bot = makeBot().bot;
      const shared = new TestAdapter(async (c) => bot.run(c));
      await say(shared, 'signpost');
      const sent = [
        ...(await say(shared, how === 'typed' ? PAYLOAD : value({ verb: 'signpost', action: 'answer', step: 'what', answer: PAYLOAD }))),
        ...(await say(shared, how === 'typed' ? PAYLOAD : value({ verb: 'signpost', action: 'answer', step: 'who', answer: PAYLOAD }))),
        ...(await say(shared, how === 'typed' ? PAYLOAD : value({ verb: 'signpost', action: 'answer', step: 'where', answer: PAYLOAD }))),
        ...(await say(shared, 'skip')),
      ];
      const rendered = sent.flatMap(renderedTexts);
      rendered.forEach((html) => assertInert(html, `signposting (${how})`));
      const summary = rendered.find((html) => html.includes('What matters'));
      assert.ok(summary, `${how}: the summary was shown`);
      assert.match(summary, /verify your NHS login here/, `${how}: the typed words are shown, as text`);
      // The copy text for the person goes out as a message too.
      const serviceIds = JSON.stringify(sent.map((a) => a.attachments?.map((x) => x.content))).match(/"serviceIds":\[[^\]]*\]/)?.[0];
      assert.ok(serviceIds, 'the signposting card offers the copy text');
      const ids = JSON.parse(`{${serviceIds}}`) as { serviceIds: string[] };
      for (const html of (await say(shared, value({ verb: 'signpost-copy', serviceIds: [...ids.serviceIds, PAYLOAD] }))).flatMap(renderedTexts)) assertInert(html, 'copy text');
    }
  });

  it('never renders typed markup in answers, "not sure", plan lists, more results, feedback or button text', async () => {
    const bot = makeBot().bot;
    const adapter = new TestAdapter(async (c) => bot.run(c));
    const inputs: Array<[string, string | Partial<Activity>]> = [
      ['question', `carers short break ${PAYLOAD}`],
      ['not sure', PAYLOAD],
      ['plan list', `what have we committed to on carers ${PAYLOAD}`],
      ['facts and figures', `plan facts and figures ${PAYLOAD}`],
      ['services command', `services ${PAYLOAD}`],
      ['ask button', value({ verb: 'ask', text: PAYLOAD })],
      ['more button', value({ verb: 'more', text: `carers ${PAYLOAD}`, page: 2 })],
      ['feedback comment', value({ verb: 'feedback-text', comment: PAYLOAD })],
      ['feedback reason comment', value({ verb: 'feedback-reason', passageId: 'sds-direct-payments#0', reason: 'other', comment: PAYLOAD })],
    ];
    let checked = 0;
    for (const [where, input] of inputs) {
      for (const html of (await say(adapter, input)).flatMap(renderedTexts)) {
        assertInert(html, where);
        checked++;
      }
    }
    assert.ok(checked >= inputs.length, `rendered ${checked} texts`);
  });
});
