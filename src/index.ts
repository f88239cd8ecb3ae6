// Composition root: config → logger → knowledge → search → storage → bot → adapter → server.
// No logic here; every part can be built in a test without a network.
import { ConversationState, MemoryStorage } from 'botbuilder';
import { ConfigError, loadConfig } from './config';
import { readBuiltKnowledge } from './knowledge/builtKnowledge';
import { createLogger, routeConsoleToLogger } from './logger';
import { BUILT_KNOWLEDGE_FILE } from './paths';
import { SearchEngine } from './search/searchEngine';
import { RecordStore } from './storage/records';
import { MidWayBot } from './teams/midwayBot';
import { createAdapter, createServer, listen } from './teams/server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  routeConsoleToLogger(logger);
  const engine = new SearchEngine(readBuiltKnowledge(BUILT_KNOWLEDGE_FILE));
  const storage = new MemoryStorage();
  const bot = new MidWayBot({ engine, allowedTenantIds: config.allowedTenantIds, records: new RecordStore(storage), conversationState: new ConversationState(storage), logger });
  const adapter = createAdapter(config, logger);
  const server = createServer(config, adapter, bot, logger);
  const port = await listen(server, config.port, config.host);
  if (config.localMode) {
    logger.warn({ event: 'local-mode', url: `http://127.0.0.1:${port}/api/messages` }, 'No MicrosoftAppId: running in local mode (loopback only, no authentication).');
  }
  logger.info({ event: 'listening', host: config.host, port, passages: engine.passageCount }, `MidWay Guide listening on http://${config.host}:${port}/api/messages`);

  const stop = (): void => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
