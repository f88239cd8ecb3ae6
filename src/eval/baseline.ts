// The baseline the evaluation compares against: plain lunr with its default tokeniser and
// pipeline over the same passages, queried with index.search on sanitised text.
import lunr from 'lunr';
import type { Passage } from '../knowledge/types';

export class PlainLunrBaseline {
  private readonly index: lunr.Index;
  private readonly byId = new Map<string, Passage>();

  constructor(passages: Passage[]) {
    for (const p of passages) this.byId.set(p.id, p);
    this.index = lunr(function () {
      this.ref('id');
      this.field('title');
      this.field('body');
      for (const p of passages) this.add({ id: p.id, title: p.title, body: p.text });
    });
  }

  /** Strips lunr's query syntax so index.search cannot throw. */
  static sanitise(text: string): string {
    return text.replace(/[:~^+\-*"'’]/g, ' ').replace(/\s+/g, ' ').trim();
  }

  search(text: string, limit = 10): Passage[] {
    const q = PlainLunrBaseline.sanitise(text);
    if (!q) return [];
    try {
      return this.index
        .search(q)
        .slice(0, limit)
        .map((r) => this.byId.get(r.ref))
        .filter((p): p is Passage => p !== undefined);
    } catch {
      return [];
    }
  }
}
