// Typed configuration from the environment, validated once at start-up. Nothing else reads
// process.env, and nothing passes process.env to the SDK as it is.

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface BotAuthConfig {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: AppType;
  MicrosoftAppTenantId: string;
}

export interface AppConfig {
  port: number;
  /** With no app id the bot runs in local mode: loopback only, anonymous, loopback serviceUrls only. */
  localMode: boolean;
  host: string;
  auth: BotAuthConfig;
  allowedTenantIds: string[];
  logLevel: string;
  maxBodyBytes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

export function loadConfig(env: Env): AppConfig {
  const appId = (env.MicrosoftAppId ?? '').trim();
  const appType = (env.MicrosoftAppType ?? 'MultiTenant').trim() as AppType;
  if (!APP_TYPES.includes(appType)) {
    throw new ConfigError(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')} (got "${appType}")`);
  }
  const tenantId = (env.MicrosoftAppTenantId ?? '').trim();
  const password = env.MicrosoftAppPassword ?? '';
  if (appId && appType === 'SingleTenant' && !tenantId) {
    throw new ConfigError('MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
  }
  if (appId && appType !== 'UserAssignedMSI' && !password) {
    throw new ConfigError(`MicrosoftAppPassword is required for MicrosoftAppType ${appType}`);
  }
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const localMode = appId === '';
  return {
    port,
    localMode,
    host: localMode ? '127.0.0.1' : (env.HOST ?? '0.0.0.0'),
    auth: { MicrosoftAppId: appId, MicrosoftAppPassword: password, MicrosoftAppType: appType, MicrosoftAppTenantId: tenantId },
    allowedTenantIds: (env.ALLOWED_TENANT_IDS ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxBodyBytes: 256 * 1024,
  };
}
