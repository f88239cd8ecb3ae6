// Card submit values come back from the client and can be altered: before anything is stored, a
// passage id must name a passage and a signposting choice must be one a card offered. Anything else
// is treated as what it is — text a person (or a script) typed — and redacted like other text.
import type { SearchEngine } from '../search/searchEngine';
import { STEPS, type Step } from '../signpost/flow';
import { stepPrompt } from '../signpost/steps';
import { redactPersonalDetails } from './redact';

/** Plan-list cards ask for feedback on the list as "plan-list:<first passage id>". */
const PLAN_LIST = 'plan-list:';

/** The id as sent, if it names a passage of the index; otherwise undefined. */
export function knownPassageId(engine: SearchEngine, id: string): string | undefined {
  const bare = id.startsWith(PLAN_LIST) ? id.slice(PLAN_LIST.length) : id;
  return engine.passage(bare) ? id : undefined;
}

/** A choice the step's card offers (any step's, when the step is not given), as sent; or the value
 * redacted, to be filed as a typed answer. */
export function choiceOrText(engine: SearchEngine, choice: string, step?: Step): string {
  const offered = (step ? [step] : STEPS).some((s) => stepPrompt(s, engine.signposting).choices.some((c) => c.value === choice));
  return offered ? choice : redactPersonalDetails(choice).text;
}
