// `npm run build` step: validate knowledge/, split it into passages, index them with lunr and
// write the result for start-up to load. Any invalid source stops the build with its file and field.
import { loadKnowledge } from '../knowledge/loadKnowledge';
import { buildPassages } from '../knowledge/buildPassages';
import { BUILT_FORMAT_VERSION, writeBuiltKnowledge } from '../search/builtKnowledge';
import { toIndexable } from '../search/indexDocs';
import { buildLunrIndex, withoutPostings } from '../search/lunrSetup';
import { passageQuestionStems } from '../search/passageQuestionStems';
import { typoLookalikes } from './typoLookalikes';
import { BUILT_KNOWLEDGE_FILE, KNOWLEDGE_DIR } from '../paths';

export function buildKnowledgeFile(knowledgeDir = KNOWLEDGE_DIR, outFile = BUILT_KNOWLEDGE_FILE): { passages: number; ms: number } {
  const started = performance.now();
  const knowledge = loadKnowledge(knowledgeDir);
  const { passages, plan } = buildPassages(knowledge);
  const index = buildLunrIndex(passages.map(toIndexable));
  writeBuiltKnowledge(outFile, {
    formatVersion: BUILT_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    passages,
    services: knowledge.services,
    plan,
    synonyms: knowledge.synonyms,
    outOfScope: knowledge.outOfScope,
    emergencyRoutes: knowledge.emergencyRoutes,
    risk: { signs: knowledge.riskSigns, notTypos: typoLookalikes(knowledge.riskSigns), weights: knowledge.riskWeights },
    signposting: knowledge.signposting,
    questionStems: passageQuestionStems(passages, knowledge.synonyms),
    index: withoutPostings(index),
  });
  return { passages: passages.length, ms: Math.round(performance.now() - started) };
}

if (require.main === module) {
  try {
    const { passages, ms } = buildKnowledgeFile();
    console.log(`Knowledge built: ${passages} passages indexed in ${ms} ms`);
  } catch (error) {
    console.error(`Knowledge build failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
