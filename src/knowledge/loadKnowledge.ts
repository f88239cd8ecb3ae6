// Reads and validates everything under knowledge/. Used by the build (which fails on any problem)
// and by tests. The request path never calls this: it loads the built index instead.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitFrontMatter } from './frontMatter';
import { KnowledgeError, KnowledgeValidator, readKnowledgeJson } from './validation';
import type { MarkdownDocument, ServiceRecord } from './types';
import { loadEmergencyRoutes, type EmergencyRoutes } from './emergencyRoutes';
import { loadPassageQuestions, type PassageQuestionFiles } from './passageQuestions';
import { loadRiskSigns, loadRiskWeights, type RiskSignsData, type RiskWeights } from './riskSigns';
import { loadSignpostingOptions, type SignpostingOptions } from './signpostingOptions';
import { loadOutOfScope, type OutOfScopeEntry } from './outOfScopeFile';
import { loadSynonyms, type SynonymEntry } from './synonymsFile';

export interface Knowledge {
  documents: MarkdownDocument[];
  services: ServiceRecord[];
  synonyms: SynonymEntry[];
  outOfScope: OutOfScopeEntry[];
  emergencyRoutes: EmergencyRoutes;
  riskSigns: RiskSignsData;
  riskWeights: RiskWeights;
  passageQuestions: PassageQuestionFiles;
  signposting: SignpostingOptions;
}

interface PlanFrontMatter {
  id: string;
  title: string;
  publisher: string;
  status: string;
  period: string;
  source_file: string;
}

interface SdsFrontMatter {
  id: string;
  title: string;
  summary: string;
  questions: string[];
  tags: string[];
  sources: string[];
  reviewed: string;
}

export function loadKnowledge(dir: string, today: Date = new Date()): Knowledge {
  const validator = new KnowledgeValidator(join(dir, 'schema'));
  const documents = [
    ...markdownFiles(join(dir, 'plan')).map((file) => loadPlan(validator, file)),
    ...markdownFiles(join(dir, 'sds')).map((file) => loadSds(validator, file, today)),
  ];
  const services = loadServices(validator, join(dir, 'services.json'));
  // Ids first: every later check (routes, questions) looks records up by id.
  checkUniqueIds(documents, services);
  const synonyms = loadSynonyms(join(dir, 'synonyms.json'));
  const outOfScope = loadOutOfScope(join(dir, 'out-of-scope.json'));
  const emergencyRoutes = loadEmergencyRoutes(join(dir, 'emergency-routes.json'), services);
  const signposting = loadSignpostingOptions(
    join(dir, 'signposting.json'),
    new Set(documents.filter((d) => d.kind === 'sds').map((d) => d.id)),
    new Set(services.flatMap((s) => s.categories)),
  );
  const riskSigns = loadRiskSigns(join(dir, 'risk-signs.json'));
  const riskWeights = loadRiskWeights(join(dir, 'risk-weights.json'));
  const passageQuestions = loadPassageQuestions(join(dir, 'passage-questions'));
  return { documents, services, synonyms, outOfScope, emergencyRoutes, riskSigns, riskWeights, passageQuestions, signposting };
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => join(dir, name));
}

function readFrontMatter(file: string): { data: unknown; body: string } {
  try {
    return splitFrontMatter(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnowledgeError(file, [(error as Error).message]);
  }
}

export function loadPlan(validator: KnowledgeValidator, file: string): MarkdownDocument {
  const { data, body } = readFrontMatter(file);
  validator.check('plan-document', file, data, (p) => `front matter ${p}`);
  const fm = data as PlanFrontMatter;
  requireBody(file, body);
  return {
    kind: 'plan',
    id: fm.id,
    file,
    title: fm.title,
    body,
    meta: { kind: 'plan', publisher: fm.publisher, status: fm.status, period: fm.period, sourceFile: fm.source_file },
  };
}

export function loadSds(validator: KnowledgeValidator, file: string, today: Date): MarkdownDocument {
  const { data, body } = readFrontMatter(file);
  validator.check('sds-article', file, data, (p) => `front matter ${p}`);
  const fm = data as SdsFrontMatter;
  if (`${fm.id}.md` !== basename(file)) {
    throw new KnowledgeError(file, [`field front matter /id "${fm.id}" must match the file name`]);
  }
  const reviewed = new Date(`${fm.reviewed}T00:00:00Z`);
  if (Number.isNaN(reviewed.getTime())) {
    throw new KnowledgeError(file, [`field front matter /reviewed "${fm.reviewed}" is not a real date`]);
  }
  if (reviewed.getTime() > today.getTime() + 24 * 3600 * 1000) {
    throw new KnowledgeError(file, [`field front matter /reviewed "${fm.reviewed}" is in the future`]);
  }
  requireBody(file, body);
  return {
    kind: 'sds',
    id: fm.id,
    file,
    title: fm.title,
    body,
    meta: {
      kind: 'sds',
      summary: fm.summary,
      questions: fm.questions,
      tags: fm.tags,
      sources: fm.sources,
      reviewed: fm.reviewed,
    },
  };
}

function requireBody(file: string, body: string): void {
  if (body.trim().length < 40) throw new KnowledgeError(file, ['field body is empty or too short']);
}

export function loadServices(validator: KnowledgeValidator, file: string): ServiceRecord[] {
  const data = readKnowledgeJson(file);
  validator.check('services', file, data, (path) => describeServicePath(data, path));
  return data as ServiceRecord[];
}

/** "/3/phones/0/number" → 'record 3 (id "x") /phones/0/number', so curators can find it. */
function describeServicePath(data: unknown, path: string): string {
  const match = /^\/(\d+)(\/.*)?$/.exec(path);
  if (!match || !Array.isArray(data)) return path;
  const index = Number(match[1]);
  const record: unknown = data[index];
  const id = record && typeof record === 'object' && 'id' in record ? String((record as { id: unknown }).id) : '?';
  return `record ${index} (id "${id}") ${match[2] ?? '(whole record)'}`;
}

function checkUniqueIds(documents: MarkdownDocument[], services: ServiceRecord[]): void {
  const seen = new Map<string, string>();
  const entries: Array<[string, string]> = [
    ...documents.map((d): [string, string] => [d.id, d.file]),
    ...services.map((s): [string, string] => [s.id, 'services.json']),
  ];
  for (const [id, file] of entries) {
    const earlier = seen.get(id);
    if (earlier) throw new KnowledgeError(file, [`field id "${id}" is used twice (also in ${earlier})`]);
    seen.set(id, file);
  }
}
