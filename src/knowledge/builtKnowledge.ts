// The build output's format: passages, the directory, the plan's structure, synonyms, risk signs and
// the serialised search index, as one JSON file. Writing and reading the file live together so the
// two cannot drift apart; turning the index back into a queryable one is the search's business
// (src/search/builtKnowledge.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmergencyRoutes } from './emergencyRoutes';
import { packRiskWords, unpackRiskWords, type PackedRiskWords } from './packedWordWeights';
import type { RiskSignsData, RiskWeights } from './riskSigns';
import type { OutOfScopeEntry } from './outOfScopeFile';
import type { SignpostingOptions } from './signpostingOptions';
import type { SynonymEntry } from './synonymsFile';
import type { PlanStructure } from './planStructure';
import type { Passage, ServiceRecord } from './types';

export const BUILT_FORMAT_VERSION = 14;

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
  /** Each passage's questions as the search reads them (src/search/passageQuestionStems.ts), by
   * passage id; knowledge made without a build (tests) leaves it out. */
  questionStems?: Record<string, string[][]>;
  index: object;
}

/** JSON with every character past ASCII written as a \\u escape. Node reads an all-ASCII file into a
 * one-byte string, several times faster than a file with a single "’" in it (which makes the whole
 * text two-byte), and start-up reads this file first. */
export function asciiJson(data: unknown): string {
  return asciiEscaped(JSON.stringify(data));
}

/** Every character past ASCII as a \\u escape, which means the same character in JSON (and in most of
 * a script: src/build/bundleServer.ts says where not). */
export function asciiEscaped(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function writeBuiltKnowledge(file: string, data: BuiltKnowledgeFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const words = data.risk.weights.words;
  const risk = { ...data.risk, weights: { ...data.risk.weights, words: words && packRiskWords(words) } };
  writeFileSync(file, asciiJson({ ...data, risk }));
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
  const packed = raw.risk.weights.words as PackedRiskWords | undefined;
  if (packed) raw.risk.weights.words = unpackRiskWords(packed);
  return raw;
}
