import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('runs in local mode on loopback with no app id', () => {
    const config = loadConfig({});
    assert.equal(config.localMode, true);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3978);
  });

  it('listens on all interfaces and needs credentials with an app id', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
    assert.equal(config.localMode, false);
    assert.equal(config.host, '0.0.0.0');
    assert.throws(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'MultiTenant' }), ConfigError);
  });

  it('requires a tenant for SingleTenant and rejects unknown app types', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppTenantId/);
    assert.throws(() => loadConfig({ MicrosoftAppType: 'Sometimes' }), /MicrosoftAppType/);
    assert.doesNotThrow(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }));
  });

  it('rejects a port that is not a number', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  });

  it('reads the tenant allow-list', () => {
    assert.deepEqual(loadConfig({ ALLOWED_TENANT_IDS: ' a , b,,' }).allowedTenantIds, ['a', 'b']);
  });

  it('sends several cards as a carousel unless CARD_LAYOUT says list', () => {
    assert.equal(loadConfig({}).cardLayout, 'carousel');
    assert.equal(loadConfig({ CARD_LAYOUT: 'list' }).cardLayout, 'list');
    assert.throws(() => loadConfig({ CARD_LAYOUT: 'grid' }), /CARD_LAYOUT/);
  });
});
