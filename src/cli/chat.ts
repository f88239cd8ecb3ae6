// `npm run chat`: talk to a running bot from a terminal. It plays the Bot Connector on loopback,
// sends your messages to the bot, and prints its cards as text. Type a button's number to press it.
// Like Teams, it lists an answer's citations and offers Teams' own Like / Dislike under it.
//   npm run chat                      interactive
//   npm run chat -- "a question"      one question, then exit
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { unescapeMarkdown } from '../cards/markdown';
import { cardToText, type CardButton } from './cardText';

/** Where the bot listens; a URL without a path means the bot's usual /api/messages there. */
export function botEndpoint(value: string | undefined): string {
  const url = new URL(value || 'http://127.0.0.1:3978/api/messages');
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/api/messages';
  return url.toString();
}

// Each run is its own conversation with its own activity ids: the bot answers an id once, so ids
// reused from an earlier run would be dropped as re-sent duplicates.
const RUN = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
let buttons: CardButton[] = [];
let pending: (() => void) | undefined;

type Citation = { position: number; appearance: { name: string; url?: string; keywords?: string[] } };

function printActivity(activity: Record<string, unknown>, id: string): void {
  if (activity.type !== 'message') return;
  if (typeof activity.text === 'string' && activity.text) console.log(`\nMidWay Guide: ${unescapeMarkdown(activity.text)}`);
  const entities = (activity.entities as Array<{ type?: string; citation?: Citation[] }> | undefined) ?? [];
  for (const c of entities.find((e) => e.type === 'https://schema.org/Message')?.citation ?? []) {
    const details = [...(c.appearance.keywords ?? []), c.appearance.url ?? ''].filter(Boolean).join(' · ');
    console.log(`  citation ${c.position}: ${c.appearance.name}${details ? ` — ${details}` : ''}`);
  }
  for (const attachment of (activity.attachments as Array<{ content: unknown }> | undefined) ?? []) {
    console.log(`\n${cardToText(attachment.content, buttons)}`);
  }
  if ((activity.channelData as { feedbackLoopEnabled?: boolean } | undefined)?.feedbackLoopEnabled) {
    const like = buttons.push({ title: 'Like', feedback: { reaction: 'like', replyToId: id } });
    const dislike = buttons.push({ title: 'Dislike', feedback: { reaction: 'dislike', replyToId: id } });
    console.log(`  [${like}] 👍 Like  [${dislike}] 👎 Dislike`);
  }
}

async function main(): Promise<void> {
  let botUrl: string;
  try {
    botUrl = botEndpoint(process.env.BOT_URL);
  } catch {
    console.error(`BOT_URL is not a URL: ${process.env.BOT_URL}`);
    process.exitCode = 2;
    return;
  }
  const connector = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const id = `r${Date.now()}-${++replies}`;
      try {
        printActivity(JSON.parse(body) as Record<string, unknown>, id);
      } catch {
        // not an activity: ignore
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
      setTimeout(() => pending?.(), 300);
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  let count = 0;
  let replies = 0;

  // Who sends it, to whom, in which conversation: the same for every activity of this run.
  const envelope = (): Record<string, unknown> => ({
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'local-user', name: 'You' },
    recipient: { id: 'midway-guide', name: 'MidWay Guide' },
    conversation: { id: `local-chat-${RUN}`, conversationType: 'personal' },
  });

  const send = async (text: string, value?: unknown): Promise<void> => {
    buttons = [];
    const done = new Promise<void>((resolve) => {
      pending = resolve;
      setTimeout(resolve, 5000).unref(); // a bot that never answers must not keep the process alive
    });
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `chat-${RUN}-${++count}`,
        text: value === undefined ? text : undefined,
        value,
        ...envelope(),
      }),
    }).catch(() => undefined);
    if (!response) {
      console.error(`Cannot reach the bot at ${botUrl}. Start it first with "npm start".`);
      process.exitCode = 1;
      return;
    }
    if (!response.ok) {
      console.error(`The bot at ${botUrl} answered ${response.status} ${response.statusText}: is that its /api/messages address?`);
      process.exitCode = 1;
      return;
    }
    await done;
  };

  // Teams' feedback buttons send an invoke, which the bot answers in the HTTP response, not with a message.
  const sendFeedback = async (feedback: NonNullable<CardButton['feedback']>, comment: string): Promise<void> => {
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'message/submitAction',
        id: `chat-${RUN}-${++count}`,
        replyToId: feedback.replyToId,
        value: { actionName: 'feedback', actionValue: { reaction: feedback.reaction, feedback: JSON.stringify({ feedbackText: comment }) } },
        ...envelope(),
      }),
    }).catch(() => undefined);
    console.log(response?.ok ? '(Thank you! Your feedback was sent.)' : `(The feedback could not be sent${response ? `: ${response.status}` : ''}.)`);
  };

  const oneShot = process.argv.slice(2).join(' ').trim();
  if (oneShot) {
    await send(oneShot);
    connector.close();
    return;
  }
  console.log('Talking to MidWay Guide. Type a question, a button number to press it, or "quit".');
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '\nYou: ' });
  rl.prompt();
  let dislike: CardButton['feedback'];
  for await (const line of rl) {
    const text = line.trim();
    if (dislike) {
      await sendFeedback(dislike, text);
      dislike = undefined;
      rl.prompt();
      continue;
    }
    if (text === 'quit' || text === 'exit') break;
    const button = /^\d+$/.test(text) ? buttons[Number(text) - 1] : undefined;
    if (button?.feedback?.reaction === 'like') await sendFeedback(button.feedback, '');
    else if (button?.feedback) {
      dislike = button.feedback;
      console.log('What went wrong? (optional; please leave out personal details; Enter to skip)');
    } else if (button?.url) console.log(`(opens ${button.url})`);
    else if (button) await send('', button.data);
    else await send(text);
    rl.prompt();
  }
  rl.close();
  connector.close();
}

if (require.main === module) void main();
