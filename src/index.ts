// Composition root: config → logger → knowledge → search → storage → bot → adapter → server.
// No logic here, and no SDK: the Teams edge (src/teams/) builds its own SDK objects.
import { ConfigError, loadConfig } from './config';
import { readBuiltKnowledge } from './search/builtKnowledge';
import { createLogger, routeConsoleToLogger } from './logger';
import { BUILT_KNOWLEDGE_FILE } from './paths';
import { SearchEngine } from './search/searchEngine';
import { RecordStore } from './storage/records';
import { trackRequests } from './teams/lifecycle';
import { createMidWayBot } from './teams/midwayBot';
import { createAdapter, createServer, listen } from './teams/server';
import { createBotStorage } from './teams/storageFactory';

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
  const { storage, state, claims, ping } = createBotStorage(config.storage, config.production, process.env);
  const bot = createMidWayBot({
    engine,
    allowedTenantIds: config.allowedTenantIds,
    records: new RecordStore(storage, undefined, claims),
    state,
    claims,
    claimLeaseMs: config.turnDeadlineMs + 3000,
    cardLayout: config.cardLayout,
    logger,
  });
  const adapter = createAdapter(config, logger);
  const server = createServer(config, adapter, bot, logger, {
    checks: {
      index: async () => {
        if (engine.passageCount === 0) throw new Error('no passages');
      },
      storage: ping,
    },
  });
  const draining = trackRequests(server);
  const port = await listen(server, config.port, config.host);
  if (config.localMode) {
    logger.warn({ event: 'local-mode', url: `http://127.0.0.1:${port}/api/messages` }, 'No MicrosoftAppId: running in local mode (loopback only, no authentication).');
  }
  logger.info({ event: 'listening', host: config.host, port, passages: engine.passageCount, storage: config.storage.kind }, `MidWay Guide listening on http://${config.host}:${port}/api/messages`);

  const stop = (signal: string): void => {
    logger.info({ event: 'stopping', signal, inFlight: draining.inFlight() });
    void draining.stop(9000).then(() => {
      logger.info({ event: 'stopped' });
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
