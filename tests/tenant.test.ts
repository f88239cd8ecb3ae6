import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { RecordStore } from '../src/storage/records';
import { TENANT_REFUSAL } from '../src/conversation/messages';
import { MidWayBot } from '../src/teams/midwayBot';
import { searchEngine, silentLogger } from './helpers';

function bot(allowedTenantIds: string[]): MidWayBot {
  const storage = new MemoryStorage();
  return new MidWayBot({ engine: searchEngine(), allowedTenantIds, records: new RecordStore(storage), conversationState: new ConversationState(storage), logger: silentLogger() });
}

const from = (tenantId: string): Partial<Activity> => ({ conversation: { id: 'c1', tenantId, isGroup: false, name: '', conversationType: 'personal' } });

describe('tenant lock', () => {
  it('answers people from an allowed tenant', async () => {
    const adapter = new TestAdapter(async (c) => bot(['nhs-lothian', 'midlothian-council']).run(c));
    await adapter
      .send({ type: ActivityTypes.Message, text: 'samaritans number', ...from('midlothian-council') })
      .assertReply((a) => assert.equal(a.type, ActivityTypes.Typing))
      .assertReply((a) => assert.match(JSON.stringify(a.attachments), /116 123/));
  });

  it('refuses a message from another tenant with a short reply, processing nothing', async () => {
    const storage = new MemoryStorage();
    const locked = new MidWayBot({ engine: searchEngine(), allowedTenantIds: ['nhs-lothian'], records: new RecordStore(storage), conversationState: new ConversationState(storage), logger: silentLogger() });
    const adapter = new TestAdapter(async (c) => locked.run(c));
    await adapter.send({ type: ActivityTypes.Message, text: 'recipe for shortbread', ...from('someone-else') }).assertReply(TENANT_REFUSAL);
    assert.equal(adapter.activeQueue.length, 0);
    assert.deepEqual((storage as unknown as { memory: Record<string, string> }).memory, {}, 'nothing recorded');
  });

  it('answers an invoke from another tenant with 403', async () => {
    const adapter = new TestAdapter(async (c) => bot(['nhs-lothian']).run(c));
    await adapter
      .send({ type: ActivityTypes.Invoke, name: 'composeExtension/query', value: { parameters: [{ name: 'searchQuery', value: 'carers' }] }, ...from('elsewhere') })
      .assertReply((a) => {
        assert.equal(a.type, ActivityTypes.InvokeResponse);
        assert.equal((a.value as { status: number }).status, 403);
      });
  });

  it('refuses activities with no tenant at all when a list is set, and allows any tenant when none is', async () => {
    const adapter = new TestAdapter(async (c) => bot(['nhs-lothian']).run(c));
    await adapter.send('hello').assertReply(TENANT_REFUSAL);
    const open = new TestAdapter(async (c) => bot([]).run(c));
    await open.send({ type: ActivityTypes.Message, text: 'help', ...from('anyone') }).assertReply((a) => assert.equal(a.type, ActivityTypes.Typing));
  });
});
