// The four questions of the guided signposting conversation, in the spirit of a good conversation.
import { COMMUNITIES } from '../knowledge/places';
import type { Step } from './flow';
import { STEPS } from './flow';
import type { SignpostingOptions } from '../knowledge/signpostingOptions';

export interface StepPrompt {
  step: Step;
  position: string;
  question: string;
  hint: string;
  choices: Array<{ title: string; value: string }>;
  choiceLabel: string;
  choiceStyle: 'expanded' | 'compact';
  allowText: boolean;
  textLabel: string;
  placeholder: string;
}

export function stepPrompt(step: Step, options: SignpostingOptions): StepPrompt {
  const position = `${STEPS.indexOf(step) + 1} of ${STEPS.length}`;
  const base = { step, position, choices: [] as Array<{ title: string; value: string }>, choiceLabel: '', choiceStyle: 'expanded' as const, allowText: true, textLabel: 'In your own words', placeholder: '' };
  switch (step) {
    case 'what':
      return {
        ...base,
        question: 'What matters to the person?',
        hint: 'In their words if you can: what would they like to be different? Please leave out names and other personal details.',
        textLabel: 'What matters to them',
        placeholder: 'e.g. getting a break from caring, getting out and meeting people',
      };
    case 'who':
      return {
        ...base,
        question: 'Who are they, in relation to support?',
        hint: 'Choose the closest, or describe them.',
        choices: options.who.map((w) => ({ title: w.label, value: w.id })),
        choiceLabel: 'They are',
        placeholder: 'Or describe them (no names)',
      };
    case 'where':
      return {
        ...base,
        question: 'Where do they live?',
        hint: 'Local services come first, then Midlothian-wide ones, then national helplines.',
        choices: [{ title: 'Anywhere in Midlothian', value: 'anywhere' }, ...COMMUNITIES.map((c) => ({ title: c, value: c }))],
        choiceLabel: 'Community',
        choiceStyle: 'compact',
        allowText: false,
      };
    case 'when':
      return {
        ...base,
        question: 'How soon is help needed?',
        hint: 'If someone is at risk right now, call 999.',
        choices: options.when.map((w) => ({ title: w.label, value: w.id })),
        choiceLabel: 'Help is needed',
        allowText: false,
      };
  }
}
