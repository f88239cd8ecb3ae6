// The questions each passage answers, in staff's words (knowledge/passage-questions/, one file per
// document, named by its id, and services.json for the directory): what QnA Maker called
// alternative questions. They are indexed with the passage and matched whole by the re-ranker.
// A question must point at a passage that exists, in the file of that passage's document, and no
// question may point at two passages: either would leave staff with the wrong answer.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KnowledgeError, readKnowledgeJson } from './validation';
import type { Passage } from './types';

/** File name (without .json) → passage id → questions. */
export type PassageQuestionFiles = Record<string, Record<string, string[]>>;

export function loadPassageQuestions(dir: string): PassageQuestionFiles {
  if (!existsSync(dir)) return {};
  const files: PassageQuestionFiles = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const data = readKnowledgeJson(file);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new KnowledgeError(file, ['must be an object of passage id → questions']);
    for (const [id, questions] of Object.entries(data)) {
      if (!Array.isArray(questions) || questions.length === 0 || questions.some((q) => typeof q !== 'string' || !q.trim())) {
        throw new KnowledgeError(file, [`field "${id}" must list questions as text`]);
      }
    }
    files[basename(name, '.json')] = data as Record<string, string[]>;
  }
  return files;
}

/** How two questions are compared: case, punctuation and spacing aside. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/[^a-z0-9£%]+/g, ' ').trim();
}

/** The passages with their questions added; throws naming the file and passage when one is wrong. */
export function attachPassageQuestions(passages: Passage[], files: PassageQuestionFiles, dir = 'passage-questions'): Passage[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const owner = new Map<string, string>();
  const added = new Map<string, string[]>();
  for (const [name, entries] of Object.entries(files)) {
    const file = join(dir, `${name}.json`);
    const problems: string[] = [];
    for (const [id, questions] of Object.entries(entries)) {
      const passage = byId.get(id);
      if (!passage) {
        problems.push(`"${id}" is not a passage: its questions point at nothing (was a heading renamed?)`);
        continue;
      }
      const expected = passage.kind === 'service' ? 'services' : passage.docId;
      if (expected !== name) problems.push(`"${id}" belongs in ${expected}.json`);
      for (const question of questions) {
        const key = questionKey(question);
        const other = owner.get(key);
        if (other && other !== id) problems.push(`"${question}" is attached to both "${other}" and "${id}"`);
        owner.set(key, id);
      }
      added.set(id, questions);
    }
    if (problems.length) throw new KnowledgeError(file, problems.slice(0, 10));
  }
  return passages.map((p) => (added.has(p.id) ? { ...p, questions: [...p.questions, ...(added.get(p.id) ?? [])] } : p));
}
