// The SDK's real JWT validation, offline: its OpenID metadata setting points at a loopback server
// that serves a test JWKS, and tokens are signed here with a test key.
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import type restify from 'restify';
import sinon from 'sinon';
import { ConfigError, loadConfig } from '../src/config';
import { createAdapter, createServer, listen } from '../src/teams/server';
import { createLogger, routeConsoleToLogger } from '../src/logger';

const APP_ID = '2f1e8a4c-6b3d-4c5e-9f7a-1b2c3d4e5f60';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

function keyPair(): { privateKey: KeyObject; jwk: { n: string; e: string } } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { privateKey, jwk };
}

describe('inbound authentication (real SDK validation, offline)', function () {
  this.timeout(20_000);
  const trusted = keyPair();
  const stranger = keyPair();
  let metadata: Server;
  let server: restify.Server;
  let base: string;
  const run = sinon.stub().resolves();
  const rejections: string[] = [];

  before(async () => {
    metadata = createHttpServer((req, res) => {
      const port = (metadata.address() as AddressInfo).port;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.startsWith('/v1/.well-known/openidconfiguration')) {
        res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else {
        res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: 'trusted-key', n: trusted.jwk.n, e: trusted.jwk.e, endorsements: ['msteams'] }] }));
      }
    });
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    const metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppType: 'MultiTenant', BOT_OPENID_METADATA_URL: metadataUrl });
    const logger = createLogger('debug', { write: (line: string) => void rejections.push(line) });
    restoreConsole = routeConsoleToLogger(logger);
    server = createServer(config, createAdapter(config, logger), { run }, logger);
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });

  let restoreConsole: () => void;

  after(() => {
    server.close();
    metadata.close();
    restoreConsole();
  });

  beforeEach(() => run.resetHistory());

  function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return { type: 'message', id: 'a1', text: 'hello', channelId: 'msteams', serviceUrl: SERVICE_URL, from: { id: 'u' }, recipient: { id: APP_ID }, conversation: { id: 'c' }, ...overrides };
  }

  function token(claims: Record<string, unknown> = {}, options: { key?: KeyObject | string; algorithm?: jwt.Algorithm; kid?: string; expiresIn?: number } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + (options.expiresIn ?? 3600), ...claims };
    return jwt.sign(payload, options.key ?? trusted.privateKey, { algorithm: options.algorithm ?? 'RS256', keyid: options.kid ?? 'trusted-key' });
  }

  async function post(authorization: string | undefined, body = activity()): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== undefined) headers.authorization = authorization;
    const response = await fetch(`${base}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
    return response.status;
  }

  const rejected: Array<[string, () => Promise<number>]> = [
    ['no Authorization header', () => post(undefined)],
    ['a Basic header', () => post('Basic dXNlcjpwYXNz')],
    ['a token for another audience', () => post(`Bearer ${token({ aud: 'another-app' })}`)],
    ['a token from another issuer', () => post(`Bearer ${token({ iss: 'https://issuer.example.org' })}`)],
    ['an expired token', () => post(`Bearer ${token({}, { expiresIn: -3600 })}`)],
    ['an HS256 token', () => post(`Bearer ${token({}, { key: 'shared-secret', algorithm: 'HS256' })}`)],
    ['a token signed with an unknown key', () => post(`Bearer ${token({}, { key: stranger.privateKey, kid: 'stranger-key' })}`)],
    ['a serviceurl claim that is not the activity\'s', () => post(`Bearer ${token({ serviceurl: 'https://elsewhere.example.org/' })}`)],
    ['a channel the key is not endorsed for', () => post(`Bearer ${token()}`, activity({ channelId: 'webchat' }))],
  ];

  for (const [name, attempt] of rejected) {
    it(`rejects ${name} with 401, runs no turn, and logs short lines with no stack`, async () => {
      rejections.length = 0;
      assert.equal(await attempt(), 401);
      assert.equal(run.callCount, 0);
      const warnings = rejections.filter((l) => (JSON.parse(l) as { level: number }).level >= 40);
      assert.equal(warnings.length, 1, rejections.join('\n'));
      for (const line of rejections) assert.ok(!/\n\s+at |BEGIN RSA/.test(line), line);
    });
  }

  it('accepts a valid token and runs the turn', async () => {
    rejections.length = 0;
    assert.equal(await post(`Bearer ${token()}`), 200, rejections.join('\n'));
    assert.equal(run.callCount, 1);
  });
});

describe('authentication configuration', () => {
  it('refuses to start in production without an app id, in one clear line', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), (e: unknown) => e instanceof ConfigError && !e.message.includes('\n') && /MicrosoftAppId/.test(e.message));
  });

  it('reads every credential type', () => {
    const base = { MicrosoftAppId: APP_ID, MicrosoftAppTenantId: 'tenant' };
    assert.deepEqual(loadConfig({ ...base, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 's' }).auth.credential, { kind: 'password', password: 's' });
    assert.deepEqual(loadConfig({ ...base, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 's' }).auth.credential, { kind: 'password', password: 's' });
    assert.deepEqual(loadConfig({ ...base, MicrosoftAppType: 'UserAssignedMSI' }).auth.credential, { kind: 'managed-identity' });
    assert.deepEqual(loadConfig({ ...base, MicrosoftAppType: 'SingleTenant', MicrosoftAppFederatedClientId: 'msi-client' }).auth.credential, { kind: 'federated', clientId: 'msi-client' });
    const cert = loadConfig({ ...base, MicrosoftAppType: 'SingleTenant', MicrosoftAppCertificateThumbprint: 'AB12', MicrosoftAppCertificateKeyFile: '/keys/bot.pem' }, () => 'PEM');
    assert.deepEqual(cert.auth.credential, { kind: 'certificate', thumbprint: 'AB12', privateKey: 'PEM' });
  });

  it('explains a broken credential setting', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't', MicrosoftAppCertificateThumbprint: 'AB' }), /both MicrosoftAppCertificateThumbprint and MicrosoftAppCertificateKeyFile/);
    assert.throws(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' }), /MicrosoftAppTenantId/);
    assert.throws(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'MultiTenant', MicrosoftAppFederatedClientId: 'x', MicrosoftAppPassword: 'p' }), /SingleTenant/);
    assert.throws(() => loadConfig({ STORAGE: 'blob' }), /STORAGE_CONTAINER_URL/);
  });
});
