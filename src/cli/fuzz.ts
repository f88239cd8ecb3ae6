// `npm run fuzz [-- runs]`: property-based fuzzing of the HTTP edge with fast-check. Random bodies
// and activity-like objects go to the real server in local mode on loopback (replies go to a
// stand-in connector there): every response must be 2xx, 400, 401 or 413 — never 5xx — and the
// server must stay healthy. The unit suite runs a few hundred cases; this script 10,000 or more.
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config';
import { readBuiltKnowledge } from '../search/builtKnowledge';
import { createLogger } from '../logger';
import { BUILT_KNOWLEDGE_FILE } from '../paths';
import { SearchEngine } from '../search/searchEngine';
import { RecordStore } from '../storage/records';
import { createMidWayBot } from '../teams/midwayBot';
import { createBotStorage } from '../teams/storageFactory';
import { createAdapter, createServer, listen } from '../teams/server';
import { standInConnector } from '../bench/loopbackTools';

const ALLOWED = new Set([200, 201, 202, 204, 400, 401, 413]);

export interface FuzzReport {
  runs: number;
  statuses: Record<number, number>;
  healthyAfter: boolean;
}

function arbitraries(connectorUrl: string): fc.Arbitrary<{ raw?: string; body?: unknown }> {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('samaritans number', 'signpost', 'help', 'plan aim 2', 'option:', 'a~ x^ + -', '<script>x</script>', "'; DROP TABLE x; --", 'services carers', 'feedback', 'cancel'),
    fc.anything(),
  );
  // Mostly well-formed, sometimes anything: enough valid activities reach the bot to exercise it.
  const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: fc.anything() });
  const account = mostly(fc.record({ id: fc.string(), name: fc.option(fc.string()) }));
  const activity = fc.record(
    {
      type: mostly(fc.constantFrom('message', 'message', 'message', 'invoke', 'conversationUpdate', 'installationUpdate', 'event', 'typing', 'messageReaction')),
      id: mostly(fc.uuid()),
      text,
      serviceUrl: fc.oneof({ weight: 8, arbitrary: fc.constant(connectorUrl) }, { weight: 1, arbitrary: fc.webUrl() }, { weight: 1, arbitrary: fc.anything() }),
      channelId: mostly(fc.constant('msteams')),
      from: account,
      recipient: account,
      conversation: mostly(fc.record({ id: fc.string({ minLength: 1 }), conversationType: fc.constantFrom('personal', 'groupChat', 'channel'), tenantId: fc.option(fc.string()) })),
      name: fc.oneof(fc.constantFrom('composeExtension/query', 'composeExtension/selectItem', 'adaptiveCard/action', 'unknown'), fc.string()),
      value: fc.oneof(
        fc.record({ verb: fc.constantFrom('ask', 'open', 'more', 'feedback', 'feedback-reason', 'feedback-text', 'signpost', 'signpost-copy', 'nonsense'), text: text, passageId: fc.string(), page: fc.anything(), helpful: fc.anything(), action: fc.string(), step: fc.string(), serviceIds: fc.anything() }, { requiredKeys: [] }),
        fc.record({ parameters: fc.anything(), queryOptions: fc.anything(), commandId: fc.string() }, { requiredKeys: [] }),
        fc.anything(),
      ),
      entities: mostly(fc.array(fc.object(), { maxLength: 3 })),
      attachments: mostly(fc.array(fc.object(), { maxLength: 2 })),
      membersAdded: mostly(fc.array(fc.record({ id: fc.string() }), { maxLength: 2 })),
      channelData: mostly(fc.object()),
    },
    { requiredKeys: ['type', 'serviceUrl', 'conversation'] },
  );
  return fc.oneof(
    { weight: 6, arbitrary: activity.map((body) => ({ body })) },
    { weight: 2, arbitrary: fc.jsonValue().map((body) => ({ body })) },
    { weight: 1, arbitrary: fc.string().map((raw) => ({ raw })) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map((s) => ({ raw: `{"type":"message","text":"${s}` })) },
  );
}

export async function runFuzz(runs: number, seed?: number): Promise<FuzzReport> {
  const logger = createLogger('silent');
  const { storage, state, claims } = createBotStorage({ kind: 'memory' }, false);
  const engine = new SearchEngine(readBuiltKnowledge(BUILT_KNOWLEDGE_FILE));
  const config = loadConfig({ PORT: '0' });
  const bot = createMidWayBot({ engine, records: new RecordStore(storage), state, claims, logger });
  const server = createServer(config, createAdapter(config, logger), bot, logger);
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  const connector = await standInConnector();
  const connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  const statuses: Record<number, number> = {};
  try {
    await fc.assert(
      fc.asyncProperty(arbitraries(connectorUrl), async ({ raw, body }) => {
        let payload: string;
        try {
          payload = raw ?? JSON.stringify(body) ?? 'null';
        } catch {
          payload = String(raw);
        }
        const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        return ALLOWED.has(response.status);
      }),
      { numRuns: runs, ...(seed !== undefined ? { seed } : {}) },
    );
    const health = await fetch(`${base}/healthz`);
    return { runs, statuses, healthyAfter: health.status === 200 };
  } finally {
    server.close();
    connector.close();
  }
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 10_000);
  const started = Date.now();
  runFuzz(runs)
    .then((report) => {
      console.log(`Fuzzed ${report.runs} requests in ${Math.round((Date.now() - started) / 1000)} s; statuses: ${JSON.stringify(report.statuses)}; healthy afterwards: ${report.healthyAfter}`);
      if (!report.healthyAfter) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(`Fuzzing found a failure: ${(error as Error).message}`);
      process.exitCode = 1;
    });
}
