// All passages from validated knowledge, in a stable order, and the plan's structure.
import { chunkDocument } from './chunk';
import type { Knowledge } from './loadKnowledge';
import { aimOverviewPassages, extractPlanStructure, type PlanStructure } from './planStructure';
import { attachPassageQuestions } from './passageQuestions';
import { servicePassage } from './servicePassage';
import type { Passage } from './types';

export function buildPassages(knowledge: Knowledge): { passages: Passage[]; plan: PlanStructure } {
  const documentPassages = knowledge.documents.flatMap(chunkDocument);
  const plan = extractPlanStructure(documentPassages);
  const passages = [...documentPassages, ...aimOverviewPassages(plan, documentPassages), ...knowledge.services.map(servicePassage)];
  return { passages: attachPassageQuestions(passages, knowledge.passageQuestions), plan };
}
