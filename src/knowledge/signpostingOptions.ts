// The guided signposting conversation's choices, curated in knowledge/signposting.json and checked
// at build time against the directory's categories and the SDS articles.
import { readKnowledgeJson } from './validation';

export interface WhoOption {
  id: string;
  label: string;
  categories: string[];
  words: string;
  sds: string[];
}

export interface WhenOption {
  id: string;
  label: string;
}

export interface SignpostingOptions {
  who: WhoOption[];
  when: WhenOption[];
}

export function loadSignpostingOptions(file: string, sdsIds: Set<string>, categories: Set<string>): SignpostingOptions {
  const data = readKnowledgeJson(file) as SignpostingOptions;
  if (!Array.isArray(data.who) || !Array.isArray(data.when)) throw new Error(`${file}: needs "who" and "when" lists`);
  data.who.forEach((w, i) => {
    const where = `${file}: field who/${i}`;
    if (!w.id || !w.label || typeof w.words !== 'string') throw new Error(`${where} needs id, label and words`);
    for (const c of w.categories ?? []) if (!categories.has(c)) throw new Error(`${where}/categories "${c}" is not a directory category`);
    for (const id of w.sds ?? []) if (!sdsIds.has(id)) throw new Error(`${where}/sds "${id}" is not an SDS article`);
  });
  data.when.forEach((w, i) => {
    if (!w.id || !w.label) throw new Error(`${file}: field when/${i} needs id and label`);
  });
  return data;
}
