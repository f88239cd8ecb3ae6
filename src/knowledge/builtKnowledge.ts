// The build output that start-up loads: passages, the directory, synonyms and the serialised
// lunr index. Writing and reading live together so the two cannot drift apart.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type lunr from 'lunr';
import { loadLunrIndex } from '../search/lunrSetup';
import type { EmergencyRoutes } from './emergencyRoutes';
import type { RiskSignsData, RiskWeights } from './riskSigns';
import type { OutOfScopeEntry } from '../search/outOfScope';
import type { SignpostingOptions } from '../signpost/signpostingOptions';
import type { SynonymEntry } from '../search/synonyms';
import type { PlanStructure } from './planStructure';
import type { Passage, ServiceRecord } from './types';

export const BUILT_FORMAT_VERSION = 6;

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

/** The loaded form: the same data, with the index ready to query. */
export type BuiltKnowledge = Omit<BuiltKnowledgeFile, 'formatVersion' | 'index'> & { index: lunr.Index };

export function writeBuiltKnowledge(file: string, data: BuiltKnowledgeFile): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
}

export function readBuiltKnowledge(file: string): BuiltKnowledge {
  let raw: BuiltKnowledgeFile;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as BuiltKnowledgeFile;
  } catch (error) {
    throw new Error(`Cannot read the built knowledge at ${file}: run "npm run build" first (${(error as Error).message})`);
  }
  if (raw.formatVersion !== BUILT_FORMAT_VERSION) {
    throw new Error(`The built knowledge at ${file} is from another version: run "npm run build"`);
  }
  const { formatVersion: _version, index, ...data } = raw;
  return { ...data, index: loadLunrIndex(index) };
}
