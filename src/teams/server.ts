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
import type { Logger } from '../logger';
import { checkActivity } from './activityShape';
import { isLoopbackUrl } from './localMode';

export const APOLOGY = "Sorry, something went wrong on my side and I couldn't answer. Please try again in a moment.";

export interface BotLike {
  run(context: TurnContext): Promise<void>;
}

/** The CloudAdapter, with the authenticated-request entry point the SDK keeps protected. */
export class MidWayAdapter extends CloudAdapter {
  constructor(readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  runAuthenticated(result: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(result, activity, logic);
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
    logger.error({ event: 'turn-error', activityId: context.activity.id, error: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') });
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      logger.error({ event: 'apology-failed', activityId: context.activity.id, error: (sendError as Error).name });
    }
  };
}

export interface ServerHooks {
  /** Whether the bot can take traffic (index loaded, storage reachable). */
  ready?: () => Promise<boolean>;
}

export function createServer(config: AppConfig, adapter: MidWayAdapter, bot: BotLike, logger: Logger, hooks: ServerHooks = {}): restify.Server {
  const server = restify.createServer({ name: 'midway-guide', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, rejectUnknown: false }));

  server.post('/api/messages', async (req, res) => {
    const checked = checkActivity(req.body);
    if ('problem' in checked) {
      logger.warn({ event: 'rejected', status: 400, reason: checked.problem });
      res.send(400, { error: `Not a Bot Framework activity: ${checked.problem}.` });
      return;
    }
    const { activity } = checked;
    // In local mode only clients on this machine are authorised: anything else is a 401.
    if (config.localMode && !isLoopbackUrl(activity.serviceUrl)) {
      logger.warn({ event: 'rejected', status: 401, reason: 'non-loopback serviceUrl in local mode' });
      res.send(401, { error: 'Local mode only answers clients on this machine (serviceUrl must be a loopback address).' });
      return;
    }
    const header = req.headers.authorization;
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await adapter.auth.authenticateRequest(activity, typeof header === 'string' ? header : '');
    } catch (error) {
      // Any failure to prove the caller is the Bot Framework is a 401; the log keeps one short line.
      const kind = error instanceof AuthenticationError ? 'authentication' : 'verification';
      logger.warn({ event: 'rejected', status: 401, kind, reason: String((error as Error).message ?? error).split('\n')[0].slice(0, 160) });
      res.send(401, { error: 'Unauthorized' });
      return;
    }
    try {
      const invokeResponse = await adapter.runAuthenticated(authenticated, activity, (context) => bot.run(context));
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      // The turn's own error handler has already apologised where it could; a retry from Teams
      // would not help, so the request is acknowledged and the failure logged.
      logger.error({ event: 'turn-failed', activityId: activity.id, error: (error as Error).name });
      res.send(200);
    }
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    const ready = hooks.ready ? await hooks.ready().catch(() => false) : true;
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
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
