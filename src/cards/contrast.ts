// Whether card text can be read: for every text colour a card uses, inside every container style it
// sits in, the contrast of text to background under a host config (WCAG 2 contrast ratio; 4.5:1 is
// the minimum for body text).
import type { AdaptiveCardJson } from './cardTemplates';

export const MIN_CONTRAST = 4.5;

interface ForegroundColour {
  default: string;
  subtle: string;
}

export interface HostConfigColours {
  containerStyles: Record<string, { backgroundColor: string; foregroundColors: Record<string, ForegroundColour> }>;
}

/** A text colour as used in a card: the container style around it, its colour, subtle or not. */
export interface TextUse {
  container: string;
  color: string;
  subtle: boolean;
}

function luminance(hex: string): number {
  const h = hex.replace('#', '').slice(-6);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** Every (container style, text colour, subtle) a card's text uses; containers inherit their parent's style. */
export function textUses(card: AdaptiveCardJson): TextUse[] {
  const found = new Map<string, TextUse>();
  const walk = (node: unknown, container: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, container));
    const n = node as Record<string, unknown>;
    const type = n.type;
    const style = (type === 'Container' || type === 'Column' || type === 'ColumnSet') && typeof n.style === 'string' ? n.style.toLowerCase() : container;
    if (type === 'TextBlock' || type === 'TextRun' || type === 'FactSet' || type === 'RichTextBlock') {
      const use = { container: style, color: typeof n.color === 'string' ? n.color.toLowerCase() : 'default', subtle: n.isSubtle === true };
      found.set(JSON.stringify(use), use);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'actions' && key !== 'selectAction') walk(value, style);
  };
  walk((card as { body?: unknown }).body, 'default');
  return [...found.values()];
}

/** The text uses that cannot be read under a host config, with their contrast ratio. */
export function contrastProblems(config: HostConfigColours, uses: TextUse[]): string[] {
  const problems: string[] = [];
  for (const use of uses) {
    const style = config.containerStyles[use.container];
    if (!style) {
      problems.push(`no "${use.container}" container style`);
      continue;
    }
    const colour = style.foregroundColors[use.color];
    if (!colour) {
      problems.push(`no "${use.color}" text colour in the "${use.container}" style`);
      continue;
    }
    const foreground = use.subtle ? colour.subtle : colour.default;
    const ratio = contrastRatio(foreground, style.backgroundColor);
    if (ratio < MIN_CONTRAST) problems.push(`${use.color}${use.subtle ? ' (subtle)' : ''} text in "${use.container}": ${foreground} on ${style.backgroundColor} is ${ratio.toFixed(2)}:1`);
  }
  return problems;
}
