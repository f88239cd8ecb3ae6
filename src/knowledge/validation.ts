// JSON-schema validation of every knowledge source, with messages that name the file and the field,
// so a curator who breaks a record is told exactly where.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export class KnowledgeError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'KnowledgeError';
  }
}

/** A knowledge file's JSON, or a KnowledgeError naming the file when it is not valid JSON. */
export function readKnowledgeJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new KnowledgeError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
}

export type SchemaName = 'services' | 'sds-article' | 'plan-document';

export class KnowledgeValidator {
  private readonly validators = new Map<SchemaName, ValidateFunction>();

  constructor(schemaDir: string) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const name of ['services', 'sds-article', 'plan-document'] as const) {
      const schema: unknown = JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8'));
      this.validators.set(name, ajv.compile(schema as object));
    }
  }

  /** Throws a KnowledgeError naming the file and each bad field. */
  check(schema: SchemaName, file: string, data: unknown, describe?: (path: string) => string): void {
    const validate = this.validators.get(schema);
    if (!validate) throw new Error(`unknown schema ${schema}`);
    if (validate(data)) return;
    const problems = (validate.errors ?? []).map((e) => describeError(e, describe));
    throw new KnowledgeError(file, [...new Set(problems)]);
  }
}

function describeError(error: ErrorObject, describe?: (path: string) => string): string {
  let where = error.instancePath || '(top level)';
  if (error.keyword === 'required') {
    where = `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}`;
  } else if (error.keyword === 'additionalProperties') {
    where = `${error.instancePath}/${String((error.params as { additionalProperty: string }).additionalProperty)}`;
  }
  const label = describe ? describe(where) : where;
  return `field ${label} ${error.message ?? 'is invalid'}`;
}
