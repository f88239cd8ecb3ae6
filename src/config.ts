// Typed configuration from the environment, validated once at start-up. Nothing else reads
// process.env, and nothing passes process.env to the SDK as it is.
import { readFileSync } from 'node:fs';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** How the bot proves who it is when it calls the Bot Connector. */
export type BotCredential =
  | { kind: 'none' }
  | { kind: 'password'; password: string }
  | { kind: 'certificate'; thumbprint: string; privateKey: string }
  | { kind: 'managed-identity' }
  | { kind: 'federated'; clientId: string; audience?: string };

export interface BotAuthConfig {
  appId: string;
  appType: AppType;
  tenantId: string;
  credential: BotCredential;
  /** Where to read the Bot Framework's signing keys; set only to test or for sovereign clouds. */
  openIdMetadataUrl?: string;
}

export type StorageConfig =
  | { kind: 'memory' }
  /** A container reached with a token credential (managed identity in production). */
  | { kind: 'blob-identity'; containerUrl: string }
  /** A container reached with a connection string (Azurite, or a key where identity is not possible). */
  | { kind: 'blob-connection-string'; connectionString: string; containerName: string };

export interface AppConfig {
  port: number;
  /** With no app id the bot runs in local mode: loopback only, anonymous, loopback serviceUrls only. */
  localMode: boolean;
  production: boolean;
  host: string;
  auth: BotAuthConfig;
  allowedTenantIds: string[];
  storage: StorageConfig;
  logLevel: string;
  maxBodyBytes: number;
  /** How long after a request arrives the turn may still send to the channel (Teams gives up at 15 s). */
  turnDeadlineMs: number;
  /** How several cards go out: side by side (Teams) or one under another (clients that show only a
   * carousel's first card, such as the Agents Playground). */
  cardLayout: 'carousel' | 'list';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

function credentialFrom(env: Env, appId: string, appType: AppType, readFile: (path: string) => string): BotCredential {
  if (!appId) return { kind: 'none' };
  const password = env.MicrosoftAppPassword ?? '';
  const thumbprint = (env.MicrosoftAppCertificateThumbprint ?? '').trim();
  const keyFile = (env.MicrosoftAppCertificateKeyFile ?? '').trim();
  const federatedClientId = (env.MicrosoftAppFederatedClientId ?? '').trim();
  if (appType === 'UserAssignedMSI') {
    if (password || thumbprint || federatedClientId) throw new ConfigError('UserAssignedMSI uses the managed identity: do not also set a password, certificate or federated client');
    return { kind: 'managed-identity' };
  }
  if (federatedClientId) {
    if (appType !== 'SingleTenant') throw new ConfigError('Federated credentials need MicrosoftAppType SingleTenant');
    return { kind: 'federated', clientId: federatedClientId, ...(env.MicrosoftAppFederatedAudience ? { audience: env.MicrosoftAppFederatedAudience } : {}) };
  }
  if (thumbprint || keyFile) {
    if (appType !== 'SingleTenant') throw new ConfigError('A certificate credential needs MicrosoftAppType SingleTenant');
    if (!thumbprint || !keyFile) throw new ConfigError('A certificate needs both MicrosoftAppCertificateThumbprint and MicrosoftAppCertificateKeyFile');
    let privateKey: string;
    try {
      privateKey = readFile(keyFile);
    } catch {
      throw new ConfigError(`MicrosoftAppCertificateKeyFile cannot be read: ${keyFile}`);
    }
    return { kind: 'certificate', thumbprint, privateKey };
  }
  if (!password) throw new ConfigError(`MicrosoftAppType ${appType} needs MicrosoftAppPassword (or, for SingleTenant, a certificate or federated credential)`);
  return { kind: 'password', password };
}

function storageFrom(env: Env): StorageConfig {
  const kind = (env.STORAGE ?? 'memory').trim().toLowerCase();
  if (kind === 'memory') return { kind: 'memory' };
  if (kind !== 'blob') throw new ConfigError(`STORAGE must be memory or blob (got "${env.STORAGE}")`);
  const containerUrl = (env.STORAGE_CONTAINER_URL ?? '').trim();
  const connectionString = (env.STORAGE_CONNECTION_STRING ?? '').trim();
  const containerName = (env.STORAGE_CONTAINER ?? 'midway-guide').trim();
  if (containerUrl) {
    if (!/^https?:\/\/[^/]+\/.+/.test(containerUrl)) throw new ConfigError('STORAGE_CONTAINER_URL must be a container URL, e.g. https://account.blob.core.windows.net/midway-guide');
    return { kind: 'blob-identity', containerUrl };
  }
  if (connectionString) return { kind: 'blob-connection-string', connectionString, containerName };
  throw new ConfigError('STORAGE=blob needs STORAGE_CONTAINER_URL (with a managed identity) or STORAGE_CONNECTION_STRING');
}

export function loadConfig(env: Env, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): AppConfig {
  const appId = (env.MicrosoftAppId ?? '').trim();
  const production = (env.NODE_ENV ?? '').trim() === 'production';
  if (production && !appId) throw new ConfigError('NODE_ENV=production needs MicrosoftAppId: the bot will not run unauthenticated in production');
  const appType = (env.MicrosoftAppType ?? 'MultiTenant').trim() as AppType;
  if (!APP_TYPES.includes(appType)) {
    throw new ConfigError(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')} (got "${appType}")`);
  }
  const tenantId = (env.MicrosoftAppTenantId ?? '').trim();
  if (appId && (appType === 'SingleTenant' || appType === 'UserAssignedMSI') && !tenantId) {
    throw new ConfigError(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}`);
  }
  const credential = credentialFrom(env, appId, appType, readFile);
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const localMode = appId === '';
  const openIdMetadataUrl = (env.BOT_OPENID_METADATA_URL ?? '').trim();
  const turnDeadlineMs = Number(env.TURN_DEADLINE_MS ?? 10_000);
  if (!Number.isInteger(turnDeadlineMs) || turnDeadlineMs < 500 || turnDeadlineMs > 12_000) {
    throw new ConfigError(`TURN_DEADLINE_MS must be a whole number of milliseconds from 500 to 12000 (got "${env.TURN_DEADLINE_MS}")`);
  }
  const cardLayout = (env.CARD_LAYOUT ?? 'carousel').trim();
  if (cardLayout !== 'carousel' && cardLayout !== 'list') throw new ConfigError(`CARD_LAYOUT must be carousel or list (got "${env.CARD_LAYOUT}")`);
  return {
    port,
    localMode,
    production,
    host: localMode ? '127.0.0.1' : (env.HOST ?? '0.0.0.0'),
    auth: { appId, appType, tenantId, credential, ...(openIdMetadataUrl ? { openIdMetadataUrl } : {}) },
    allowedTenantIds: (env.ALLOWED_TENANT_IDS ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    storage: storageFrom(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxBodyBytes: 256 * 1024,
    turnDeadlineMs,
    cardLayout,
  };
}
