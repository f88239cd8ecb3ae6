// The bot's commands as typed: a command word first, or a question in plain words.
import assert from 'node:assert/strict';
import { parseCommand } from '../src/answer/commands';

describe('commands', () => {
  it('reads "services <need>", "sds <topic>", "plan <topic>", "help" and "feedback" as commands', () => {
    assert.deepEqual(parseCommand('services carers break penicuik'), { name: 'search', kinds: ['service'], text: 'carers break penicuik' });
    assert.deepEqual(parseCommand('/sds option 2'), { name: 'search', kinds: ['sds'], text: 'option 2' });
    assert.deepEqual(parseCommand('plan aim 2'), { name: 'plan', text: 'aim 2' });
    assert.deepEqual(parseCommand('help'), { name: 'help' });
    assert.deepEqual(parseCommand('feedback'), { name: 'feedback' });
  });

  it('reads "service user …" and "service provider …" as a question, not the services command', () => {
    for (const text of ['service user with advanced dementia, no guardian, which option can be offered', 'Service users in Dalkeith, any lunch clubs', 'service provider wants to know about PVG checks', 'service-user with LD wants to volunteer', 'services user wants a PA', 'service charge on her flat has gone up', 'service dog for a blind man', 'service is closed today, where else']) {
      assert.equal(parseCommand(text), undefined, text);
    }
    // "sds" alone is a question about SDS; "help" with words after it is a question too.
    assert.equal(parseCommand('sds'), undefined);
    assert.equal(parseCommand('help for carers in penicuik'), undefined);
  });
});
