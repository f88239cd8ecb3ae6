// The real server on a loopback port, replying to a stand-in Bot Connector on loopback.
import assert from 'node:assert/strict';
import type restify from 'restify';
import type { MemoryStorage } from 'botbuilder';
import { buildReport } from '../src/cli/report';
import { FEEDBACK_REASON_THANKS, FEEDBACK_THANKS, PRIVACY_REMINDER, SORRY_UNKNOWN_ACTION } from '../src/conversation/messages';
import { RecordStore, type FeedbackRecord } from '../src/storage/records';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { cardProblems } from './cardValidation';
import { localConfig, makeBot, searchEngine, silentLogger, storedText } from './helpers';
import { StandInConnector, type Received } from './standInConnector';

type Card = { body?: unknown[]; actions?: Array<{ title: string; data?: Record<string, unknown> }> } & Record<string, unknown>;

function cardsIn(activity: Received): Card[] {
  return ((activity.body.attachments as Array<{ content: Card }> | undefined) ?? []).map((a) => a.content);
}

/** The Action.Submit data of the button with this title, from anywhere in the cards. */
function buttonData(cards: Card[], title: RegExp): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as { type?: string; title?: string; data?: Record<string, unknown> };
    if (n.type === 'Action.Submit' && typeof n.title === 'string' && title.test(n.title) && n.data) found = n.data;
    else Object.values(node).forEach(walk);
  };
  walk(cards);
  assert.ok(found, `no button matching ${String(title)}`);
  return found;
}

describe('HTTP server (local mode)', () => {
  let server: restify.Server;
  let base: string;
  let connector: StandInConnector;
  let serviceUrl: string;
  let storage: MemoryStorage;

  before(async () => {
    const config = localConfig();
    const logger = silentLogger();
    const made = makeBot();
    storage = made.storage;
    server = createServer(config, createAdapter(config, logger), made.bot, logger);
    const port = await listen(server, 0, config.host);
    base = `http://127.0.0.1:${port}`;
    connector = new StandInConnector();
    serviceUrl = await connector.start();
  });

  after(async () => {
    server.close();
    await connector.stop();
  });

  function activity(text: string | undefined, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${Math.random().toString(36).slice(2)}`,
      ...(text !== undefined ? { text } : {}),
      channelId: 'msteams',
      serviceUrl,
      from: { id: 'user-1', name: 'Staff member' },
      recipient: { id: 'bot-1', name: 'MidWay Guide' },
      conversation: { id: 'conv-1', conversationType: 'personal' },
      ...overrides,
    };
  }

  function post(body: unknown, raw?: string): Promise<Response> {
    return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
  }

  /** Posts an activity and returns the messages (not typing indicators) the bot sent back. */
  async function turn(body: Record<string, unknown>, expectedMessages = 1): Promise<Received[]> {
    const before = connector.received.length;
    const response = await post(body);
    assert.equal(response.status, 200);
    const messages = (): Received[] => connector.received.slice(before).filter((r) => r.body.type === 'message');
    const deadline = Date.now() + 5000;
    while (messages().length < expectedMessages && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(messages().length, expectedMessages, 'number of messages sent back');
    return messages();
  }

  async function invoke(name: string, value: unknown, overrides: Record<string, unknown> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await post({ ...activity(undefined), type: 'invoke', name, value, ...overrides });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  it('listens on loopback only in local mode', () => {
    assert.equal(localConfig().host, '127.0.0.1');
  });

  it('answers a message: a typing indicator, then the reply card, arrive at the connector', async () => {
    const before = connector.received.length;
    const [reply] = await turn(activity('what is an individual service fund'));
    assert.equal(connector.received[before].body.type, 'typing', 'typing indicator first');
    assert.match(reply.url, /^\/v3\/conversations\/conv-1\/activities\//);
    const attachments = reply.body.attachments as Array<{ contentType: string; content: unknown }>;
    assert.equal(attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(attachments[0].content), /Individual Service Fund/);
  });

  it('in a group chat answers only when @mentioned, and replies in the thread', async () => {
    const before = connector.received.length;
    const response = await post(activity('what is an ISF', { conversation: { id: 'group-1', conversationType: 'groupChat' } }));
    assert.equal(response.status, 200);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(connector.received.length, before, 'no reply without a mention');
    const [reply] = await turn(
      activity('<at>MidWay Guide</at> what is an ISF', {
        conversation: { id: '19:channel@thread.tacv2;messageid=123', conversationType: 'channel' },
        entities: [{ type: 'mention', text: '<at>MidWay Guide</at>', mentioned: { id: 'bot-1', name: 'MidWay Guide' } }],
      }),
    );
    assert.match(decodeURIComponent(reply.url), /19:channel@thread\.tacv2;messageid=123/);
    assert.match(JSON.stringify(cardsIn(reply)), /Individual Service Fund/);
  });

  it('runs the bot commands', async () => {
    const [services] = await turn(activity('services short breaks for carers'));
    assert.ok(cardsIn(services).length >= 1);
    assert.ok(cardsIn(services).every((c) => JSON.stringify(c).includes('tel:') || JSON.stringify(c).includes('Website') || JSON.stringify(c).includes('How to refer')));
    const [sds] = await turn(activity('sds can a direct payment pay a family member'));
    assert.match(JSON.stringify(cardsIn(sds)), /family member/i);
    const [plan] = await turn(activity('plan'));
    assert.match(JSON.stringify(cardsIn(plan)), /Strategic Aim No\.3/);
    assert.match(JSON.stringify(cardsIn(plan)), /Outcomes and priorities/);
    const [planAim] = await turn(activity('plan aim 2 short term'));
    assert.match(JSON.stringify(cardsIn(planAim)), /2\.1 People have access/);
    const [help] = await turn(activity('help'));
    assert.match(JSON.stringify(cardsIn(help)), /What I can help with/);
    const [feedback] = await turn(activity('feedback'));
    assert.match(JSON.stringify(cardsIn(feedback)), /Input\.Text/);
  });

  it('makes every card button work: follow-up, open, more results and paging, feedback with a reason (a client without Teams\' buttons)', async () => {
    const [answer] = await turn(activity('what is an individual service fund', { channelId: 'webchat' }));
    assert.equal((answer.body.channelData as { feedbackLoopEnabled?: boolean } | undefined)?.feedbackLoopEnabled, undefined, 'the card\'s buttons are the one way to give feedback');
    const cards = cardsIn(answer);

    const [followUp] = await turn(activity(undefined, { value: buttonData(cards, /four SDS options/) }));
    assert.match(JSON.stringify(cardsIn(followUp)), /Option 1/);

    const [opened] = await turn(activity(undefined, { value: buttonData(cards, /^(?!Helpful|Not helpful|More results).+/) }));
    assert.ok(cardsIn(opened).length === 1);

    const [more] = await turn(activity(undefined, { value: buttonData(cards, /More results/) }));
    assert.match(JSON.stringify(cardsIn(more)), /More results \(2–/);
    const [page2] = await turn(activity(undefined, { value: buttonData(cardsIn(more), /More results/) }));
    assert.match(JSON.stringify(cardsIn(page2)), /More results \(7–/);
    const [openFromList] = await turn(activity(undefined, { value: buttonData(cardsIn(more), /^Open$/) }));
    assert.equal(cardsIn(openFromList).length, 1);

    const [thanks] = await turn(activity(undefined, { value: buttonData(cards, /^Helpful$/) }));
    assert.equal(thanks.body.text, FEEDBACK_THANKS);
    const [reasonCard] = await turn(activity(undefined, { value: buttonData(cards, /Not helpful/) }));
    const send = buttonData(cardsIn(reasonCard), /^Send$/);
    const [reasonThanks] = await turn(activity(undefined, { value: { ...send, reason: 'out-of-date', comment: 'phone number wrong, call 07700 900123' } }), 2);
    assert.equal(reasonThanks.body.text, PRIVACY_REMINDER);
    const stored = storedText(storage);
    assert.match(stored, /"reason":"out-of-date"/);
    assert.match(stored, /phone number wrong/);
    assert.ok(!stored.includes('07700 900123'), 'the phone number typed in feedback was stored');

    const [form] = await turn(activity('feedback'));
    const [formThanks] = await turn(activity(undefined, { value: { ...buttonData(cardsIn(form), /Send feedback/), comment: 'Please add the Penicuik lunch clubs' } }));
    assert.equal(formThanks.body.text, FEEDBACK_REASON_THANKS);
    assert.match(storedText(storage), /Penicuik lunch clubs/);

    const [stale] = await turn(activity(undefined, { value: { verb: 'retired-verb', id: 3 } }));
    assert.equal(stale.body.text, SORRY_UNKNOWN_ACTION);
  });

  /** Teams' citation entity on a message, checked against the shape Teams reads. */
  function citationsOf(message: Received): Array<{ position: number; appearance: { name: string; abstract: string; url?: string; keywords?: string[] } }> {
    const entities = (message.body.entities as Array<Record<string, unknown>> | undefined) ?? [];
    const entity = entities.find((e) => e.type === 'https://schema.org/Message');
    assert.ok(entity, 'a schema.org Message entity');
    assert.equal(entity['@type'], 'Message');
    assert.equal(entity['@context'], 'https://schema.org');
    assert.equal(entity.additionalType, undefined, 'retrieved, not generated: no AI label');
    const citations = entity.citation as Array<{ '@type': string; position: number; appearance: { '@type': string; name: string; abstract: string; url?: string; keywords?: string[] } }>;
    assert.ok(citations.length >= 1 && citations.length <= 10, `${citations.length} citations`);
    for (const c of citations) {
      assert.equal(c['@type'], 'Claim');
      assert.equal(c.appearance['@type'], 'DigitalDocument');
      assert.ok(c.appearance.name.length <= 80 && c.appearance.abstract.length <= 160);
      assert.ok(String(message.body.text).includes(`[${c.position}]`), `[${c.position}] in the text`);
    }
    return citations;
  }

  it('in Teams, sends an answer with Teams\' feedback buttons instead of the card\'s, and a citation naming its source', async () => {
    // A conversation of its own: the answers this test checks follow on from nothing earlier.
    const fresh = (text: string): Record<string, unknown> => activity(text, { conversation: { id: 'conv-citations', conversationType: 'personal' } });
    const [sds] = await turn(fresh('who holds the money under option 2'));
    assert.deepEqual(sds.body.channelData, { feedbackLoopEnabled: true });
    const [cited] = citationsOf(sds);
    assert.match(cited.appearance.name, /^Option 2: .* › Who holds the money$/, 'article › section');
    assert.match(cited.appearance.url ?? '', /^https?:\/\//);
    assert.ok(!/"Helpful"|"Not helpful"/.test(JSON.stringify(cardsIn(sds))), 'one way to give feedback');
    assert.match(JSON.stringify(cardsIn(sds)), /Individual Service Fund/, 'the card is still there');
    assert.ok(cardsIn(sds).some((c) => (c.actions ?? []).length > 0), 'its other buttons stay');

    const [services] = await turn(fresh('services short breaks for carers'));
    const serviceCitations = citationsOf(services);
    assert.equal(serviceCitations.length, cardsIn(services).length, 'one citation per service card');
    for (const c of serviceCitations) {
      assert.match(c.appearance.name, /^Service directory › /);
      assert.ok(c.appearance.keywords?.some((k) => /^as of \d{4}|source undated/.test(k)), JSON.stringify(c.appearance.keywords));
    }

    const [plan] = await turn(fresh('what does outcome 3.2 say'));
    assert.ok(citationsOf(plan).every((c) => c.appearance.keywords?.[0] === 'Strategic Plan'));

    const [help] = await turn(fresh('help'));
    assert.equal(help.body.entities, undefined, 'help quotes no source');
    assert.equal(help.body.channelData, undefined);
  });

  it('records a like or dislike from Teams\' buttons: 200, no reply, tied to the answer\'s passages, personal details removed, in the report', async () => {
    const [answer] = await turn(activity('services short breaks for carers'));
    const shown = citationsOf(answer).map((c) => c.appearance.name.replace(/^Service directory › /, '').replace(/…$/, ''));
    const before = connector.received.length;
    const disliked = await invoke(
      'message/submitAction',
      { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'Wee Breaks number is wrong, ring me on 07700 900123' }) } },
      { replyToId: answer.id },
    );
    assert.equal(disliked.status, 200);
    const liked = await invoke('message/submitAction', { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":""}' } }, { replyToId: answer.id });
    assert.equal(liked.status, 200);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(connector.received.length, before, 'no reply message, no typing indicator');

    const report = await buildReport(storage, [], 1);
    const teams = (await new RecordStore(storage).list('feedback', 1)).filter((f) => f.type === 'feedback' && f.via === 'teams');
    const [dislike, like] = teams.slice(-2) as FeedbackRecord[];
    assert.equal(dislike.helpful, false);
    assert.equal(like.helpful, true);
    const engine = searchEngine();
    const named = (dislike.passageIds ?? []).map((id) => engine.service(engine.passage(id)?.serviceId ?? '')?.name ?? id);
    assert.equal(named.length, shown.length, 'every service the answer showed');
    named.forEach((name, i) => assert.ok(name.startsWith(shown[i]), `${name} is service ${i + 1} shown`));
    assert.equal(dislike.passageId, dislike.passageIds?.[0]);
    assert.match(dislike.comment ?? '', /Wee Breaks number is wrong/);
    assert.ok(!storedText(storage).includes('07700 900123'), 'the phone number typed in feedback was stored');
    assert.ok(report.feedback.withTeamsButtons >= 2);
    assert.ok(report.feedback.byPassage.some((p) => p.passageId === dislike.passageId && p.notHelpful >= 1 && p.helpful >= 1));
  });

  it('ties Teams feedback to the answer when the invoke reaches another instance sharing the storage', async () => {
    const config = localConfig();
    const logger = silentLogger();
    const other = createServer(config, createAdapter(config, logger), makeBot(storage).bot, logger);
    const otherBase = `http://127.0.0.1:${await listen(other, 0, config.host)}`;
    try {
      const [answer] = await turn(activity('who holds the money under option 2', { conversation: { id: 'conv-shared', conversationType: 'personal' } }));
      const response = await fetch(`${otherBase}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...activity(undefined, { conversation: { id: 'conv-shared', conversationType: 'personal' } }),
          type: 'invoke',
          name: 'message/submitAction',
          replyToId: answer.id,
          value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":"clear"}' } },
        }),
      });
      assert.equal(response.status, 200);
      const [last] = (await new RecordStore(storage).list('feedback', 1)).slice(-1) as FeedbackRecord[];
      assert.deepEqual([last.via, last.helpful, last.comment], ['teams', true, 'clear']);
      assert.match(last.passageId, /who-holds-the-money/);
    } finally {
      other.close();
    }
  });

  it('keeps Teams feedback on an answer it no longer remembers, without passages, and refuses what is not feedback', async () => {
    const old = await invoke('message/submitAction', { actionName: 'feedback', actionValue: { reaction: 'like', feedback: 'useful' } }, { replyToId: 'a-message-from-last-year' });
    assert.equal(old.status, 200);
    const [last] = (await new RecordStore(storage).list('feedback', 1)).slice(-1) as FeedbackRecord[];
    assert.deepEqual([last.via, last.passageId, last.helpful, last.comment], ['teams', '', true, 'useful']);
    for (const value of [undefined, 'like', { actionName: 'feedback', actionValue: { reaction: 'love' } }, { actionName: 'other', actionValue: { reaction: 'like' } }]) {
      assert.equal((await invoke('message/submitAction', value)).status, 400, JSON.stringify(value));
    }
  });

  it('answers the search messaging extension: popular topics first, then pages of results', async () => {
    const initial = await invoke('composeExtension/query', { commandId: 'searchMidWay', parameters: [{ name: 'initialRun', value: true }], queryOptions: { skip: 0, count: 10 } });
    assert.equal(initial.status, 200);
    const popular = (initial.body.composeExtension as { attachments: Array<{ preview: { content: { title: string } } }> }).attachments;
    assert.ok(popular.length >= 3);

    const page = async (skip: number): Promise<Array<{ contentType: string; content: Card; preview: { content: { title: string; text: string } } }>> => {
      const result = await invoke('composeExtension/query', { commandId: 'searchMidWay', parameters: [{ name: 'searchQuery', value: 'carers' }], queryOptions: { skip, count: 5 } });
      assert.equal(result.status, 200);
      const extension = result.body.composeExtension as { type: string; attachmentLayout: string; attachments: [] };
      assert.equal(extension.type, 'result');
      assert.equal(extension.attachmentLayout, 'list');
      return extension.attachments;
    };
    const first = await page(0);
    const second = await page(5);
    assert.equal(first.length, 5);
    assert.ok(second.length > 0);
    const titles = [...first, ...second].map((a) => a.preview.content.title);
    assert.equal(new Set(titles).size, titles.length, 'pages do not repeat results');
    for (const a of first) {
      assert.equal(a.contentType, 'application/vnd.microsoft.card.adaptive');
      assert.ok(a.preview.content.title.length > 0 && a.preview.content.text.length > 0);
      assert.deepEqual(cardProblems(a.content as never), []);
    }

    const selected = await invoke('composeExtension/selectItem', { passageId: 'service:vocal-midlothian-carer-centre' });
    assert.equal(selected.status, 200);
    const chosen = (selected.body.composeExtension as { attachments: Array<{ content: Card }> }).attachments;
    assert.equal(chosen.length, 1);
    assert.deepEqual(cardProblems(chosen[0].content as never), []);

    const gone = await invoke('composeExtension/selectItem', { passageId: 'no-such-passage' });
    assert.equal(gone.status, 200);
    assert.match(JSON.stringify(gone.body), /isn't available/);
  });

  it('ignores activities whose serviceUrl is not on this machine', async () => {
    const before = connector.received.length;
    const response = await post(activity('hello', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    assert.equal(response.status, 401);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(connector.received.length, before);
  });

  it('answers wrong types with 400 and too large a body with 413', async () => {
    for (const body of [[], 'text', { type: 7 }, activity('x', { conversation: 'c' }), activity('x', { text: { nested: true } }), activity('x', { entities: 'no' })]) {
      assert.equal((await post(body)).status, 400, JSON.stringify(body).slice(0, 60));
    }
    const huge = activity('x'.repeat(300 * 1024));
    assert.equal((await post(huge)).status, 413);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const response = await post(undefined, '{"type": "message", ');
    assert.equal(response.status, 400);
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
  });

  it('reports health', async () => {
    const response = await fetch(`${base}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });
});
