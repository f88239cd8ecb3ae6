import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/loadKnowledge';
import { KnowledgeError } from '../src/knowledge/validation';
import { KNOWLEDGE_DIR } from '../src/paths';

describe('knowledge validation', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'midway-knowledge-'));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function editServices(edit: (records: Array<Record<string, unknown>>) => void): void {
    const file = join(dir, 'services.json');
    const records = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
    edit(records);
    writeFileSync(file, JSON.stringify(records));
  }

  function expectKnowledgeError(pattern: RegExp): void {
    assert.throws(
      () => loadKnowledge(dir),
      (error: unknown) => {
        assert.ok(error instanceof KnowledgeError, `expected a KnowledgeError, got ${String(error)}`);
        assert.match(error.message, pattern);
        return true;
      },
    );
  }

  it('accepts the knowledge as shipped', () => {
    const knowledge = loadKnowledge(dir);
    assert.equal(knowledge.services.length, 51);
    assert.ok(knowledge.documents.filter((d) => d.kind === 'sds').length >= 30);
    assert.equal(knowledge.documents.filter((d) => d.kind === 'plan').length, 2);
  });

  it('rejects a service with a letter in its phone number, naming the file, record and field', () => {
    editServices((records) => {
      (records[2].phones as Array<{ number: string }>) = [{ number: '0131 ABC 3900', description: 'x' } as { number: string }];
    });
    expectKnowledgeError(/services\.json.*record 2 \(id "[a-z0-9-]+"\) \/phones\/0\/number/);
  });

  it('rejects a service with no how_to_access', () => {
    editServices((records) => {
      delete records[5].how_to_access;
    });
    expectKnowledgeError(/services\.json.*record 5 .*\/how_to_access/);
  });

  it('rejects an unknown category', () => {
    editServices((records) => {
      records[0].categories = ['respite-and-tea'];
    });
    expectKnowledgeError(/record 0 .*\/categories\/0/);
  });

  it('rejects two services with the same id', () => {
    editServices((records) => {
      records[1].id = records[0].id;
    });
    expectKnowledgeError(/used twice/);
  });

  it('rejects an SDS article with no summary, naming the file and field', () => {
    const file = join(dir, 'sds', 'sds-four-options-overview.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary:.*\n/m, ''));
    expectKnowledgeError(/sds-four-options-overview\.md.*front matter \/summary/);
  });

  it('rejects an SDS article reviewed in the future', () => {
    const file = join(dir, 'sds', 'sds-four-options-overview.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^reviewed:.*$/m, 'reviewed: 2999-01-01'));
    expectKnowledgeError(/reviewed.*in the future/);
  });

  it('rejects an SDS article whose id does not match its file name', () => {
    const file = join(dir, 'sds', 'sds-four-options-overview.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^id:.*$/m, 'id: sds-something-else'));
    expectKnowledgeError(/must match the file name/);
  });

  it('rejects an emergency route whose number is not in the service record', () => {
    const file = join(dir, 'emergency-routes.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"number": "116 123"', '"number": "116 999"'));
    assert.throws(() => loadKnowledge(dir), /routes\/2\/number "116 999" is not one of samaritans's phone numbers/);
  });
});
