// The build output as start-up loads it: the knowledge file with its lunr index ready to query.
import type lunr from 'lunr';
import { readBuiltKnowledgeFile, type BuiltKnowledgeFile } from '../knowledge/builtKnowledge';
import { loadLunrIndex } from './lunrSetup';

export { BUILT_FORMAT_VERSION, writeBuiltKnowledge, type BuiltKnowledgeFile, type BuiltRisk } from '../knowledge/builtKnowledge';

/** The loaded form: the same data, with the index ready to query. */
export type BuiltKnowledge = Omit<BuiltKnowledgeFile, 'formatVersion' | 'index'> & { index: lunr.Index };

export function readBuiltKnowledge(file: string): BuiltKnowledge {
  const { formatVersion: _version, index, ...data } = readBuiltKnowledgeFile(file);
  return { ...data, index: loadLunrIndex(index) };
}
