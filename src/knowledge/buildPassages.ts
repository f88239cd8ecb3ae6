// All passages from validated knowledge, in a stable order.
import { chunkDocument } from './chunk';
import type { Knowledge } from './loadKnowledge';
import { servicePassage } from './servicePassage';
import type { Passage } from './types';

export function buildPassages(knowledge: Knowledge): Passage[] {
  return [...knowledge.documents.flatMap(chunkDocument), ...knowledge.services.map(servicePassage)];
}
