// Splits a Markdown file into YAML front matter and body. Kept tiny on purpose: the YAML itself is
// parsed by the `yaml` package, which reports line numbers we can pass on to curators.
import { parse } from 'yaml';

export interface FrontMatterFile {
  data: unknown;
  body: string;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function splitFrontMatter(text: string): FrontMatterFile {
  const match = FENCE.exec(text.replace(/^\uFEFF/, ''));
  if (!match) {
    throw new Error('no front matter: the file must start with a "---" block');
  }
  // yaml turns 2026-11-23 into a string with the default (core) schema, which is what we want.
  const data: unknown = parse(match[1]);
  return { data, body: text.slice(match[0].length) };
}
