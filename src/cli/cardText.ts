// Renders an Adaptive Card as plain text for a terminal: text blocks, facts and numbered buttons.
import { unescapeMarkdown } from '../cards/markdown';

export interface CardButton {
  title: string;
  data?: unknown;
  url?: string;
  /** Teams' own like / dislike under a message, rather than a card's button. */
  feedback?: { reaction: 'like' | 'dislike'; replyToId: string };
}

export function cardToText(card: unknown, buttons: CardButton[]): string {
  const lines: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    switch (n.type) {
      case 'TextBlock':
        lines.push(unescapeMarkdown(String(n.text ?? '').replace(/\*\*/g, '')));
        return;
      case 'Input.ChoiceSet': {
        const choices = (n.choices as Array<{ title: string }> | undefined) ?? [];
        lines.push(`${String(n.label ?? 'Choices')}: ${choices.map((c) => c.title).join(' | ')}  (type one)`);
        return;
      }
      case 'FactSet':
        for (const f of (n.facts as Array<{ title: string; value: string }>) ?? []) lines.push(`${f.title}: ${f.value}`);
        return;
      case 'Action.Submit':
      case 'Action.OpenUrl':
        buttons.push({ title: String(n.title), data: n.data, url: typeof n.url === 'string' ? n.url : undefined });
        lines.push(`  [${buttons.length}] ${String(n.title)}${typeof n.url === 'string' ? ` → ${n.url}` : ''}`);
        return;
      default:
        walk(n.body);
        walk(n.items);
        walk(n.actions);
    }
  };
  walk(card);
  return lines.filter((l) => l.trim()).join('\n');
}
