// HTTP edge: restify with a body size cap; /api/messages authenticates the request itself (so a
// rejection is one short log line and a 401, never a stack), then hands the activity to the
// CloudAdapter; /healthz and /readyz for the platform.
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  CertificateServiceClientCredentialsFactory,
  FederatedServiceClientCredentialsFactory,
  JwtTokenProviderFactory,
  ManagedIdentityServiceClientCredentialsFactory,
  PasswordServiceClientCredentialFactory,
  type AuthenticateRequestResult,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import restify from 'restify';
import type { AppConfig, BotAuthConfig } from '../config';
import { portableStack, type Logger } from '../logger';
import { checkActivity } from './activityShape';
import { isLoopbackUrl } from './localMode';
import { installMetadataGate, isMetadataFailure } from './metadataGate';
import { RejectionLog } from './rejectionLog';
import { isJsonContentType, localRequestProblem } from './requestChecks';
import { createTurnBudget, withSendDeadlines, withTurnBudget } from './turnDeadline';

export const APOLOGY = "Sorry, something went wrong on my side and I couldn't answer. Please try again in a moment.";

export interface BotLike {
  run(context: TurnContext): Promise<void>;
}

/** The CloudAdapter, with the authenticated-request entry point the SDK keeps protected. */
export class MidWayAdapter extends CloudAdapter {
  constructor(readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
    // Every Bot Connector client the SDK makes for a turn sends within the turn's deadline.
    const connectorFactory = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (identity) => withSendDeadlines(connectorFactory(identity));
  }

  runAuthenticated(result: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    // The turn's replies go through clients from this factory: they send within the turn's deadline.
    const connectorFactory = result.connectorFactory && withSendDeadlines(result.connectorFactory);
    return this.processActivity({ ...result, connectorFactory }, activity, logic);
  }
}

export function credentialsFactory(auth: BotAuthConfig): ServiceClientCredentialsFactory {
  const tenant = auth.appType === 'MultiTenant' ? undefined : auth.tenantId;
  switch (auth.credential.kind) {
    case 'none':
      return new PasswordServiceClientCredentialFactory('', '');
    case 'password':
      return tenant ? new PasswordServiceClientCredentialFactory(auth.appId, auth.credential.password, tenant) : new PasswordServiceClientCredentialFactory(auth.appId, auth.credential.password);
    case 'certificate':
      return new CertificateServiceClientCredentialsFactory(auth.appId, auth.credential.thumbprint, auth.credential.privateKey, tenant);
    case 'managed-identity':
      return new ManagedIdentityServiceClientCredentialsFactory(auth.appId, new JwtTokenProviderFactory());
    case 'federated':
      return new FederatedServiceClientCredentialsFactory(auth.appId, auth.credential.clientId, tenant, auth.credential.audience);
  }
}

export function createAdapter(config: AppConfig, logger: Logger): MidWayAdapter {
  installMetadataGate();
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.auth.appId,
      MicrosoftAppType: config.auth.appType,
      MicrosoftAppTenantId: config.auth.tenantId,
      // Overriding one endpoint makes the SDK expect them all: give the public cloud's for the rest.
      ...(config.auth.openIdMetadataUrl
        ? {
            ToBotFromChannelOpenIdMetadataUrl: config.auth.openIdMetadataUrl,
            ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
            ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
            ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
            ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
            OAuthUrl: AuthenticationConstants.OAuthUrl,
            ValidateAuthority: true,
            CallerId: CallerIdConstants.PublicAzureChannel,
          }
        : {}),
    },
    credentialsFactory(config.auth),
  );
  const adapter = new MidWayAdapter(auth);
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

/** Logs the failure without message text (an error's message may quote it) and apologises kindly. */
export function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error({ event: 'turn-error', activityId: context.activity.id, error: error.name, stack: portableStack(error) });
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      logger.error({ event: 'apology-failed', activityId: context.activity.id, error: (sendError as Error).name });
    }
  };
}

export interface ServerHooks {
  /** What the bot needs to take traffic (the index, storage, …): each resolves when its dependency is up. */
  checks?: Record<string, () => Promise<unknown>>;
}

/** /readyz answers within this, whatever a dependency does. */
export const READY_CHECK_MS = 1500;

/** How long after the turn's deadline the inbound request may still wait for the turn to end. */
const ANSWER_MARGIN_MS = 1500;

function withinMs(work: Promise<unknown>, ms: number): Promise<'ok' | 'down' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([work.then(() => 'ok' as const, () => 'down' as const), late]).finally(() => clearTimeout(timer));
}

export function createServer(config: AppConfig, adapter: MidWayAdapter, bot: BotLike, logger: Logger, hooks: ServerHooks = {}): restify.Server {
  const server = restify.createServer({ name: 'midway-guide', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, rejectUnknown: false }));
  const rejections = new RejectionLog(logger);

  server.post('/api/messages', async (req, res) => {
    const arrived = Date.now();
    // The Bot Framework posts JSON. Forms and text are what a web page can send cross-site unchecked.
    if (!isJsonContentType(req.headers['content-type'])) {
      rejections.note(415, { reason: 'not application/json' });
      res.send(415, { error: 'The body must be application/json.' });
      return;
    }
    if (config.localMode) {
      const problem = localRequestProblem(req.headers);
      if (problem) {
        rejections.note(403, { reason: problem });
        res.send(403, { error: 'Local mode only answers programs on this machine, not web pages.' });
        return;
      }
    }
    const checked = checkActivity(req.body);
    if ('problem' in checked) {
      rejections.note(400, { reason: checked.problem });
      res.send(400, { error: `Not a Bot Framework activity: ${checked.problem}.` });
      return;
    }
    const { activity } = checked;
    // In local mode only clients on this machine are authorised: anything else is a 401.
    if (config.localMode && !isLoopbackUrl(activity.serviceUrl)) {
      rejections.note(401, { reason: 'non-loopback serviceUrl in local mode' });
      res.send(401, { error: 'Local mode only answers clients on this machine (serviceUrl must be a loopback address).' });
      return;
    }
    const header = req.headers.authorization;
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await adapter.auth.authenticateRequest(activity, typeof header === 'string' ? header : '');
    } catch (error) {
      // Unreachable signing keys say nothing about the caller: 503, so the channel tries again.
      if (isMetadataFailure(error)) {
        rejections.note(503, { kind: 'signing-keys-unavailable' });
        res.header('retry-after', '5');
        res.send(503, { error: 'Cannot verify requests at the moment.' });
        return;
      }
      // Any failure to prove the caller is the Bot Framework is a 401; the log keeps one short line.
      const kind = error instanceof AuthenticationError ? 'authentication' : 'verification';
      rejections.note(401, { kind, reason: String((error as Error).message ?? error).split('\n')[0].slice(0, 160) });
      res.send(401, { error: 'Unauthorized' });
      return;
    }
    // Teams waits 15 s: sends stop at the turn's deadline, and the request is answered shortly after
    // whatever the turn is doing. An answer that could not be sent gets a 503, so the channel
    // re-sends the activity and the delivery claim lets that re-send be answered.
    const budget = createTurnBudget(arrived + config.turnDeadlineMs);
    let sendFailed = false;
    const turn = withTurnBudget(budget, () =>
      adapter.runAuthenticated(authenticated, activity, async (context) => {
        context.onSendActivities(async (_context, _activities, next) => {
          try {
            return await next();
          } catch (error) {
            sendFailed = true;
            throw error;
          }
        });
        await bot.run(context);
      }),
    );
    void turn.catch(() => undefined).finally(() => budget.dispose());
    let answerBy: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (answerBy = setTimeout(() => resolve('late'), Math.max(0, arrived + config.turnDeadlineMs + ANSWER_MARGIN_MS - Date.now()))));
    const outcome = await Promise.race([turn.then((r) => ({ response: r }), (error: unknown) => ({ error })), late]).finally(() => clearTimeout(answerBy));
    if (outcome === 'late' || sendFailed || budget.reason) {
      logger.warn({ event: 'turn-undelivered', activityId: activity.id, why: outcome === 'late' ? 'turn still running' : budget.reason ?? 'send failed', ms: Date.now() - arrived });
      res.header('retry-after', '1');
      res.send(503, { error: 'The answer could not be delivered in time.' });
      return;
    }
    if ('error' in outcome) {
      // The turn's own error handler has already apologised where it could; a retry from Teams
      // would not help, so the request is acknowledged and the failure logged.
      logger.error({ event: 'turn-failed', activityId: activity.id, error: (outcome.error as Error).name });
      res.send(200);
      return;
    }
    res.send(outcome.response?.status ?? 200, outcome.response?.body);
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  // Each dependency is checked at once and given READY_CHECK_MS; the answer names the ones down.
  server.get('/readyz', async (_req, res) => {
    const entries = Object.entries(hooks.checks ?? {});
    const results = await Promise.all(entries.map(async ([name, check]) => [name, await withinMs(Promise.resolve().then(check), READY_CHECK_MS)] as const));
    const checks = Object.fromEntries(results);
    const down = results.filter(([, state]) => state !== 'ok').map(([name]) => name);
    res.send(down.length ? 503 : 200, { status: down.length ? 'not ready' : 'ready', ...(entries.length ? { checks } : {}), ...(down.length ? { down } : {}) });
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
