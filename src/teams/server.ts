// HTTP edge: restify with a body size cap, /api/messages through CloudAdapter, /healthz.
// Everything is passed in, so tests build a real server on a loopback port with no network.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { isLoopbackUrl } from './localMode';

export const APOLOGY = "Sorry, something went wrong on my side and I couldn't answer. Please try again in a moment.";

export interface BotLike {
  run(context: TurnContext): Promise<void>;
}

export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.auth.MicrosoftAppId,
    MicrosoftAppPassword: config.auth.MicrosoftAppPassword,
    MicrosoftAppType: config.auth.MicrosoftAppType,
    MicrosoftAppTenantId: config.auth.MicrosoftAppTenantId,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

/** Logs the failure without message text (an error's message may quote it) and apologises kindly. */
export function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error({ event: 'turn-error', activityId: context.activity.id, error: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') });
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      logger.error({ event: 'apology-failed', activityId: context.activity.id, error: (sendError as Error).name });
    }
  };
}

export function createServer(config: AppConfig, adapter: CloudAdapter, bot: BotLike, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'midway-guide', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, rejectUnknown: false }));

  server.post('/api/messages', async (req, res) => {
    const body: unknown = req.body;
    if (config.localMode) {
      const serviceUrl = body && typeof body === 'object' ? (body as { serviceUrl?: unknown }).serviceUrl : undefined;
      if (!isLoopbackUrl(serviceUrl)) {
        logger.warn({ event: 'rejected-non-loopback-service-url' });
        res.send(403, { error: 'Local mode only answers clients on this machine (serviceUrl must be a loopback address).' });
        return;
      }
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  return server;
}

export function listen(server: restify.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
