// One realistic example of every card, drawn from the real knowledge: for previews and tests.
import { composeAnswer, moreResults, openPassage, safetyFirst } from '../answer/composeAnswer';
import { planOverview } from '../answer/planQuery';
import type { SearchEngine } from '../search/searchEngine';
import { buildSignposting } from '../signpost/signposting';
import { stepPrompt } from '../signpost/steps';
import { cardsForAnswer, feedbackFormCard, feedbackReasonCard, notSureCard, welcomeCard } from './cardData';
import type { AdaptiveCardJson, CardName } from './cardTemplates';

export interface SampleCard {
  name: CardName;
  card: AdaptiveCardJson;
}

export function sampleCards(engine: SearchEngine, now: Date = new Date()): SampleCard[] {
  const first = (text: string): AdaptiveCardJson => cardsForAnswer(composeAnswer(engine, text).answer, now)[0];
  const opened = openPassage(engine, 'service:vocal-midlothian-carer-centre');
  return [
    { name: 'answer', card: first('digital exclusion slow internet connections') },
    { name: 'service', card: opened ? cardsForAnswer(opened, now)[0] : first('samaritans phone number') },
    { name: 'sds', card: first('can a direct payment pay a family member') },
    { name: 'welcome', card: welcomeCard() },
    { name: 'not-sure', card: notSureCard([{ id: 'x', title: 'Short breaks for unpaid carers' }]) },
    { name: 'plan-list', card: first('what are our short-term aims under aim 2') },
    { name: 'results', card: cardsForAnswer(moreResults(engine, { text: 'support for carers', page: 1 }), now)[0] },
    { name: 'feedback-form', card: feedbackFormCard() },
    { name: 'feedback-reason', card: feedbackReasonCard('sds-four-options-overview#intro') },
    { name: 'signpost-step', card: cardsForAnswer({ type: 'signpost_step', prompt: stepPrompt('who', engine.signposting) }, now)[0] },
    {
      name: 'signposting',
      card: cardsForAnswer(
        { type: 'signposting', result: buildSignposting(engine, { what: 'a break from caring', who: 'unpaid-carer', where: 'Penicuik', when: 'urgent' }) },
        now,
      )[0],
    },
    { name: 'plan-browse', card: cardsForAnswer(planOverview(engine.plan), now)[0] },
    { name: 'emergency', card: cardsForAnswer(safetyFirst(engine, 'she says she wants to end her life') ?? { type: 'help', reason: 'help' }, now)[0] },
  ];
}
