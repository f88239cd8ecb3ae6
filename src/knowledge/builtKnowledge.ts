// The build output's format: passages, the directory, the plan's structure, synonyms, risk signs and
// the serialised search index, as one JSON file. Writing and reading the file live together so the
// two cannot drift apart; turning the index back into a queryable one is the search's business
// (src/search/builtKnowledge.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmergencyRoutes } from './emergencyRoutes';
import type { RiskSignsData, RiskWeights } from './riskSigns';
import type { OutOfScopeEntry } from './outOfScopeFile';
import type { SignpostingOptions } from './signpostingOptions';
import type { SynonymEntry } from './synonymsFile';
import type { PlanStructure } from './planStructure';
import type { Passage, ServiceRecord } from './types';

export const BUILT_FORMAT_VERSION = 13;

export interface BuiltRisk {
  signs: RiskSignsData;
  notTypos: string[];
  weights: RiskWeights;
}

export interface BuiltKnowledgeFile {
  formatVersion: number;
  builtAt: string;
  passages: Passage[];
  services: ServiceRecord[];
  plan: PlanStructure;
  synonyms: SynonymEntry[];
  outOfScope: OutOfScopeEntry[];
  emergencyRoutes: EmergencyRoutes;
  /** The signs of immediate risk, and real words that must not be read as typos of them. */
  risk: BuiltRisk;
  signposting: SignpostingOptions;
  index: object;
}

export function writeBuiltKnowledge(file: string, data: BuiltKnowledgeFile): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
}

export function readBuiltKnowledgeFile(file: string): BuiltKnowledgeFile {
  let raw: BuiltKnowledgeFile;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as BuiltKnowledgeFile;
  } catch (error) {
    throw new Error(`Cannot read the built knowledge at ${file}: run "npm run build" first (${(error as Error).message})`);
  }
  if (raw.formatVersion !== BUILT_FORMAT_VERSION) {
    throw new Error(`The built knowledge at ${file} is from another version: run "npm run build"`);
  }
  return raw;
}
