// The plain-data view of a search result shared by the CLI and the evaluation.
import type { SearchResponse, SearchResult } from './searchEngine';

export interface ResultView {
  kind: string;
  title: string;
  text: string;
  source: string;
  section: string;
  score: number;
}

export function sectionPath(result: SearchResult): string {
  return result.passage.headings.join(' › ');
}

export function toResultView(result: SearchResult): ResultView {
  return {
    kind: result.passage.kind,
    title: result.passage.title,
    text: result.passage.text,
    source: result.passage.source,
    section: sectionPath(result),
    score: Math.round(result.score * 10000) / 10000,
  };
}

export function toResponseView(response: SearchResponse, confident: boolean): { query: string; confident: boolean; results: ResultView[] } {
  return { query: response.query, confident, results: response.results.map(toResultView) };
}
