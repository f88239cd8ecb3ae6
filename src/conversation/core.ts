// The conversation core: a turn in, replies, new memory and records out. It decides everything the
// bot says — privacy first, then safety, the signposting flow, commands, follow-ups against what was
// last shown, and questions — and knows nothing of Teams or botbuilder, so the bot, `npm run ask`,
// `npm run chat` (through the bot) and `npm run eval` all go through it.
import type { Answer } from '../answer/answerModel';
import { parseCommand } from '../answer/commands';
import { composeAnswer, fitRisk, moreResults, openPassage, safetyFirst, shorten, type ComposeOptions } from '../answer/composeAnswer';
import { planOverview } from '../answer/planQuery';
import { cardsForAnswer, EXAMPLE_QUESTIONS } from '../cards/cardData';
import type { AdaptiveCardJson } from '../cards/cardTemplates';
import { escapeMarkdown, knowledgeText } from '../cards/markdown';
import { COMMUNITIES, communitiesIn } from '../knowledge/places';
import { servicePassageId, servicePassageText } from '../knowledge/servicePassage';
import { showableService } from '../knowledge/publicText';
import { firstSentence } from '../knowledge/planStructure';
import type { Passage, PassageKind, ServiceRecord } from '../knowledge/types';
import { choiceOrText, knownPassageId } from '../privacy/cardValues';
import { redactPersonalDetails } from '../privacy/redact';
import { withoutCourtesies } from './courtesy';
import { withoutPurposeTold, type SearchEngine, type SearchResponse, type SearchResult } from '../search/searchEngine';
import { stem } from '../search/stem';
import { asksWhatItIs, contentTokens, isStopWord, tokenize } from '../search/text';
import { advance, isExpired, typedFlowInput, type FlowInput } from '../signpost/flow';
import { buildSignposting, copyForPerson } from '../signpost/signposting';
import { stepPrompt } from '../signpost/steps';
import { parseCardAction } from './cardActions';
import { askedOfShown, asideQuestion, asksAfterClosing, pickedByName, asksBare, asksForFigures, asksNothingOfItsOwn, asksOutOfHours, hourAsked, introducesAnotherPerson, leansBack, legalReferences, mentionsThePerson, mentionsTheThingShown, namesOnlyTheAnswer, pointsAtShown, pointsAtTheThingShown, resolveFollowUp, slotsIn, startsNewTopic, swapsTopic, topicWords, withoutNewTopicWords, withTopic, type Resolution } from './followUp';
import { followOnFeatures, followOnScore, tiedToLast, type FollowOnSigns } from './followOn';
import { lastShown, onePartListed, rememberAnswer, shownPassage, shownService, type ConversationMemory, type LastShown, type ShownService } from './memory';
import * as say from './messages';
import { bestRecordSentence, latestClosing, openAtHour, outOfHoursLines, recordSays, recordSaysAll, recordSentenceSaying, serviceDetailText, serviceRecordLine } from './serviceDetail';
import { smallTalk, looksLikeAnotherLanguage } from './smallTalk';
import type { RecordToKeep, Reply, Turn, TurnLog, TurnOutcome } from './turn';

/** Characters of a message the bot reads; longer messages are cut before anything else sees them. */
export const MAX_MESSAGE_CHARS = 4000;

/** Messaging-extension results per page at most (Teams shows up to 25). */
const MAX_EXTENSION_RESULTS = 25;

const SIGNPOST_TRIGGER = /^\s*(?:\/?signpost(?:ing)?|help me signpost(?: someone| a person)?|start signposting|signpost someone)\s*[.!?]*\s*$/i;

/** A search result for the messaging extension: the full card and a one-line preview. */
export interface ExtensionItem {
  passageId: string;
  card: AdaptiveCardJson;
  title: string;
  text: string;
}

// What a person typed is quoted back escaped (src/cards/markdown.ts): Teams renders text messages as
// Markdown, and a typed link must not come back live.

/** What one turn is building up as it goes. */
class Out {
  readonly replies: Reply[] = [];
  readonly records: RecordToKeep[] = [];
  /** The service a message picked by name among several shown, and the others, which stay shown. */
  picked?: { id: string; others: ShownService[] };
  constructor(public memory: ConversationMemory) {}
  text(text: string): void {
    this.replies.push({ kind: 'text', text });
  }
  /** Cards drawn from an answer, kept with it so the edge can add what its channel shows beside
   * cards (citations, for instance). */
  answer(answer: Answer, now: Date): void {
    const cards = cardsForAnswer(answer, now);
    if (cards.length) this.replies.push({ kind: 'cards', cards, answer });
  }
}

export class ConversationCore {
  constructor(private readonly engine: SearchEngine) {}

  /** The welcome card, once per conversation. */
  welcome(memory: ConversationMemory, now: Date): { replies: Reply[]; memory: ConversationMemory } | undefined {
    if (memory.welcomed) return undefined;
    const welcome: Answer = { type: 'help', reason: 'empty' };
    return { replies: [{ kind: 'cards', cards: cardsForAnswer(welcome, now), answer: welcome }], memory: { ...memory, welcomed: true } };
  }

  respond(turn: Turn): TurnOutcome {
    const out = new Out({ ...turn.memory });
    if (turn.input.kind === 'action') return this.cardAction(turn, turn.input.value, out);
    return this.text(turn, turn.input.text, out, true);
  }

  /** One question with nothing before it, as `npm run ask` and the evaluation put it. */
  ask(text: string, now: Date = new Date()): TurnOutcome {
    return this.respond({ input: { kind: 'text', text }, memory: {}, now, conversation: 'cli' });
  }

  private text(turn: Turn, raw: string, out: Out, followUps: boolean): TurnOutcome {
    const { now } = turn;
    const input = typeof raw === 'string' ? raw : '';
    // Only the start of a long message is used; the rest is dropped unread, so it cannot leak.
    const cut = input.length > MAX_MESSAGE_CHARS;
    const redaction = redactPersonalDetails(cut ? input.slice(0, MAX_MESSAGE_CHARS) : input);
    // "totally different q - number for women's aid?": said to start a new topic, and asked without those words.
    // "btw is there a dementia helpline the family can ring": an aside before a question that stands on
    // its own and points at nothing shown starts a new topic too; "also are they open at weekends?" and
    // "also whats their number?" point back and ask on.
    // ("Hi, hope you are well. … Kind regards, Fiona": what is asked, without the courtesies around it.)
    const asked = withoutCourtesies(redaction.text);
    const saysNewTopic = startsNewTopic(asked);
    const aside = saysNewTopic ? undefined : asideQuestion(asked);
    const asideIsNew = aside !== undefined && !pointsAtTheThingShown(aside) && this.standsAlone(aside);
    const newTopic = saysNewTopic || asideIsNew;
    const text = asideIsNew ? aside : saysNewTopic ? withoutNewTopicWords(asked) : asked;
    const personal = redaction.found;
    // Safety first: when someone may be at risk now, the emergency routes come before anything else.
    // Read on the whole message: "another client" may be the only word that names the person.
    const emergency = safetyFirst(this.engine, redaction.text);
    if (emergency) out.answer(emergency, now);
    // "and what if she's in danger right now?" after an answer about her: the routes come first, and the
    // message still asks on from the last answer (the same person, taking a turn for the worse).
    const emergencyAsksOn = emergency !== undefined && followUps && lastShown(out.memory, now) !== undefined && WHAT_IF_OF_SOMEONE.test(redaction.text.toLowerCase().replace(/[’']/g, ''));
    if (emergencyAsksOn) {
      out.text(`Following on from your last question: “${escapeMarkdown(shorten(redaction.text, 160))}”`);
    }
    if (personal.length) out.text(say.PRIVACY_REMINDER);
    if (cut) out.text(say.LONG_MESSAGE_NOTICE);

    if (SIGNPOST_TRIGGER.test(text)) return this.flow(turn, { kind: 'start' }, out);
    const flow = out.memory.signpost;
    if (flow) {
      if (!isExpired(flow, now)) return this.flow(turn, typedFlowInput(text), out);
      delete out.memory.signpost;
      out.text(say.SIGNPOST_EXPIRED);
    }

    const chat = smallTalk(text);
    if (chat && !emergency) {
      out.text(say.SMALL_TALK_REPLIES[chat]);
      return this.finish(out, { event: 'small-talk', personalDetailsRemoved: personal });
    }

    const command = parseCommand(text);
    // "can he pay her as self-employed?" asks on about the same person even when it is answered on its
    // own: said so when the answer comes from the same kind of source as the last.
    let samePersonAfter: LastShown | undefined;
    let relatedAfter: LastShown | undefined;
    let asksOfServices: LastShown | undefined;
    // Anything else read on its own may still ask on from the last answer (see followOn.ts).
    let mayFollowOn: LastShown | undefined;
    // A message about someone at risk is read on its own, never as a follow-up.
    if (!command && followUps && !emergency) {
      // ("the day centre one, do they pick up from mayfield?": the service shown that it picks by name is
      // what the rest asks about, as if it alone had been shown.)
      const shownLast = lastShown(out.memory, now);
      const picked = shownLast ? pickedByName(text, shownLast) : undefined;
      const last = picked ?? shownLast;
      const pickedId = picked?.services?.[0]?.id;
      if (pickedId) out.picked = { id: pickedId, others: (shownLast?.services ?? []).filter((s) => s.id !== pickedId) };
      // A message that names a service not shown ("what about the Samaritans' number?") has a topic of its own.
      // (A service the passage shown names is shown too: "what are we doing with VOCAL on that?" after
      // the plan's part on carers that names VOCAL asks on.)
      // (After a passage its other items are alternatives offered, not shown; after a list they are the list.)
      const shownPassages = last?.passage ? [last.passage.id] : (last?.items ?? []).map((i) => i.id);
      const shownServices = new Set([...(last?.services ?? []).map((s) => s.id), ...shownPassages.flatMap((id) => this.servicesNamedInPassage(id))]);
      // ("VOCAL's number?" after Wee Breaks names VOCAL's services, one of them shown: not another.)
      const named = this.engine.servicesNamedIn(text);
      const namesAnother = newTopic || (named.length > 0 && named.every((s) => !shownServices.has(s.id)));
      const isCommonWord = (w: string): boolean => this.engine.passagesWithWord(w) > CONTEXT.commonWord;
      const isKnownWord = (w: string): boolean => this.engine.passagesWithWord(w) > 0;
      // (Why it is asked, "… for the referral letter", is not what is asked.)
      const resolution: Resolution = namesAnother ? { kind: 'new' } : resolveFollowUp(withoutPurposeTold(text), last, (t) => this.standsAlone(t), isCommonWord, isKnownWord);
      // "whats 1.2 about?", "and 1.6" after a document that numbers its own parts: that part of it.
      const part = last && !namesAnother ? this.numberedPart(text, last) : undefined;
      if (last && part) {
        const answer = openPassage(this.engine, part.id);
        if (answer) {
          out.text(`Following on from your last question: “${escapeMarkdown(shorten(part.title, 160))}”, in “${knowledgeText(shorten(part.docTitle, 80))}”:`);
          return this.answered(turn, out, answer, undefined, part.title.slice(0, 500), last.kinds, { event: 'follow-up', followUp: 'numbered-part', personalDetailsRemoved: personal });
        }
      }
      // Words of its own, asked on from a passage or services: first, what was just shown.
      const ownWords =
        resolution.kind === 'new' || (resolution.kind === 'rewrite' && resolution.topic !== undefined && !resolution.place && !resolution.kinds);
      if (last && ownWords && !namesAnother) {
        const done = this.fromContext(turn, text, last, resolution, out, personal);
        if (done) return done;
      }
      if (last && resolution.kind !== 'new') {
        const done = this.followUp(turn, text, last, resolution, out, personal);
        if (done) return done;
      }
      if (last && !namesAnother && mentionsThePerson(text) && !introducesAnotherPerson(text)) samePersonAfter = last;
      // "do they pick folk up?": checked once the answer is known (see recordInstead).
      if (last && !namesAnother) asksOfServices = last;
      // A short question after an SDS answer, answered by an article on the same topic ("does the pa
      // need a pvg?" after employing a PA), carries the conversation on.
      if (last && !namesAnother && text.trim().split(/\s+/).length <= CONTEXT.relatedWords) relatedAfter = last;
      if (last && !namesAnother) mayFollowOn = last;
    }

    let answer: Answer;
    let response: SearchResponse | undefined;
    let question = text;
    let kinds: PassageKind[] | undefined;
    if (command?.name === 'feedback') answer = { type: 'feedback_form' };
    else if (command?.name === 'help') answer = { type: 'help', reason: 'help' };
    else if (command?.name === 'plan' && !command.text) {
      answer = planOverview(this.engine.plan);
      question = 'plan';
    } else {
      // "plan <topic>" keeps the word "plan" so structural questions ("plan aim 2 short term") parse.
      question = command ? (command.name === 'plan' ? `plan ${command.text}` : command.text) : text;
      kinds = command?.name === 'search' ? command.kinds : command?.name === 'plan' ? ['plan'] : undefined;
      ({ answer, response } = composeAnswer(this.engine, question, kinds));
    }
    const log: TurnLog = { event: command ? `command-${command.name}` : 'answer', personalDetailsRemoved: personal, ...(emergency ? { risk: emergency.risks } : {}), ...(emergencyAsksOn ? { followUp: 'emergency' } : {}) };
    // "when do we normally get the figures?" holds no word the knowledge uses on its own: mid-conversation
    // it can only be asked of what the conversation is about.
    let askedOfTopic = false;
    if (mayFollowOn && !command && !emergency && answer.type === 'help' && answer.reason === 'nonsense') {
      const carried = `${mayFollowOn.question} ${text}`;
      const retried = composeAnswer(this.engine, carried, mayFollowOn.kinds);
      if (confidentAnswer(retried.answer)) {
        ({ answer, response } = retried);
        question = carried;
        askedOfTopic = true;
        log.event = 'follow-up';
        log.followUp = 'topic';
      }
    }
    if ((answer.type === 'help' || answer.type === 'not_sure') && looksLikeAnotherLanguage(input)) out.text(say.OTHER_LANGUAGE_HINT);
    if (emergency) {
      // After the emergency routes, only an answer that fits the risk, or none.
      const shown = fitRisk(this.engine, answer, emergency.risks, emergency.routes.map((r) => r.serviceId));
      // A story not understood is a question the knowledge could answer better, whatever is shown.
      if (answer.type === 'not_sure') out.records.push({ kind: 'unanswered', question, nearest: answer.nearest.map((n) => n.id) });
      if (!shown) {
        // "their number?" after the routes asks about the services they came from. The message itself
        // is not kept: the kind of risk stands for it.
        // 999 and 101 are numbers everyone knows: the services behind the other routes come first.
        const ordered = [...emergency.routes.filter((r) => r.number.replace(/\s/g, '').length > 3), ...emergency.routes];
        const routeServices = [...new Map(ordered.map((r) => [r.serviceId, this.engine.service(r.serviceId)])).values()].filter((s) => s !== undefined);
        out.memory.last = {
          at: now.toISOString(),
          question: this.engine.risk.signs.kinds[emergency.risks[0]].label,
          answer: 'emergency',
          services: routeServices.map(shownService),
        };
        return { ...this.finish(out, { ...log, answer: answer.type, shown: 'none' }), answer, ...(response ? { response } : {}), confident: false };
      }
      if (answer.type === 'not_sure') {
        // Services near a story not understood are no confident answer; as with the routes alone, the
        // kind of risk stands for the message.
        const label = this.engine.risk.signs.kinds[emergency.risks[0]].label;
        return { ...this.answered(turn, out, shown, response, label, kinds, { ...log, shown: 'nearest' }), confident: false };
      }
      answer = shown;
    }
    if (asksOfServices && !command) {
      const record = this.recordInstead(text, asksOfServices, answer, out);
      if (record) return this.answered(turn, out, record, undefined, asksOfServices.question, asksOfServices.kinds, { ...log, event: 'follow-up', followUp: 'record' });
    }
    if (
      (samePersonAfter && confidentAnswer(answer) && sameSource(answer, samePersonAfter)) ||
      (relatedAfter && this.sameTopic(answer, relatedAfter)) ||
      askedOfTopic ||
      (mayFollowOn && !command && this.followsOn(text, mayFollowOn, answer))
    ) {
      out.text(`Following on from your last question: “${escapeMarkdown(shorten(question, 160))}”`);
    }
    return this.answered(turn, out, answer, response, question, kinds, log);
  }

  /** The service that every one of `words` names (by its name or keywords: "the alarm", "the visits";
   * not "pay it back" or "how long does it last", which any record may say), found by them and the
   * conversation's last question (what it was about breaks a tie). */
  private serviceNamedBy(words: string[], lastQuestion: string): ServiceRecord | undefined {
    const isService = (p: Passage): boolean => p.kind === 'service';
    const wanted = words.map(stem);
    const named = (s: ServiceRecord): boolean => {
      const own = new Set(tokenize([s.name, ...(s.keywords ?? [])].join(' ')).map(stem));
      return wanted.every((w) => own.has(w));
    };
    for (const query of [`${words.join(' ')} ${lastQuestion}`, words.join(' ')]) {
      for (const r of this.engine.search(query, { limit: 5, within: isService }).results) {
        const service = this.engine.service(r.passage.serviceId ?? '');
        if (service && named(service)) return service;
      }
    }
    return undefined;
  }

  /** "how much does he have to pay them an hour?" after a PA employer's duties: "them" are the PAs, and
   * another document answers every word of it, where the part shown does not. */
  private answeredBetterElsewhere(text: string, shown: LastShown['passage'], anywhere: () => SearchResponse): boolean {
    // ("when was it spent?", "how many are in those top two?" point at the thing shown: asked of it.)
    if (!shown || /\b(?:it|its|that|this|those|these|there)\b/i.test(text)) return false;
    const found = anywhere();
    const best = found.results[0];
    if (!best || !found.confident || best.passage.docId === shown.docId || (found.signals?.knownCoverage ?? 0) < 0.99) return false;
    const own = this.engine.search(text, { limit: 1, within: (p) => p.id === shown.id });
    return (own.signals?.knownCoverage ?? 0) < (found.signals?.knownCoverage ?? 0);
  }

  /** The number of the plan's aim a listed item states (the whole statement or its opening words). */
  private aimListed(item: string): number | undefined {
    const words = (t: string): string => t.toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
    const listed = words(item);
    if (listed.split(' ').length < 4) return undefined;
    return this.engine.plan.aims.find((a) => words(a.title).startsWith(listed) || listed.startsWith(words(a.title)))?.number;
  }

  /** The outcome of a passage's aim whose passages best answer the question it answered (or its title),
   * as its code and the plan's own words for it. */
  private nearestOutcome(passage: Passage, question: string): string | undefined {
    const inAim = (q: Passage): boolean => q.docId === passage.docId && q.aim === passage.aim && q.outcome !== undefined;
    // The question's own words say what was asked about ("the carer survey"); the title is the fallback.
    // (Less the words that only ask what the plan says: "what did the survey say"; "a say" is a topic.)
    const asked = contentTokens(question.replace(/\b(?<!\ba )(?:say|says|said|tell|tells|mention|mentions|plan|plans|commit|commits|committed|commitments?)\b/gi, ' ')).join(' ');
    const found = [`${asked} ${passage.title}`, asked, passage.title]
      .map((query) => (query.trim() ? this.engine.search(query, { limit: 1, within: inAim }).results[0]?.passage.outcome : undefined))
      .find((o) => o !== undefined);
    if (!found) return undefined;
    // The outcome's own words, from the plan's structure (its first passage may be a sub-heading).
    const statement = this.engine.plan.aims.flatMap((a) => a.outcomes).find((o) => o.code === found)?.statement;
    return statement ? `${found} ${statement}` : `outcome ${found}`;
  }

  /**
   * A message answered from what was just shown: the part of the same document, or the record of a
   * service shown, that holds the message's own words, when it holds them about as well as anything
   * else does. The conversation breaks the tie: staff asking on rarely change the subject without
   * saying so, and a message that leans back ("and for carers?", "does she have to pay it back")
   * gets more benefit of the doubt than one that does not.
   */
  private fromContext(turn: Turn, text: string, last: LastShown, resolution: Resolution, out: Out, personal: string[], onlyReading = false): TurnOutcome | undefined {
    const scopes = this.shownScopes(last, resolution, text);
    const log: TurnLog = { event: 'follow-up', followUp: 'context', personalDetailsRemoved: personal };
    const wants = this.engine.answerTypeWanted(text);
    // "how many places?", "how many sessions a week?" after a service: its record, when the record
    // holds a figure beside those words.
    const firstService = last.passage ? undefined : last.services?.[0];
    const serviceId = firstService ? servicePassageId(firstService.id) : undefined;
    if (firstService && serviceId && wants === 'figure' && this.engine.holdsAnswer(serviceId, wants)) {
      const own = this.engine.search(text, { limit: 1, within: (p) => p.id === serviceId });
      const record = own.results[0];
      if (record && (own.signals?.knownCoverage ?? 0) >= CONTEXT.minCoverage) {
        const service = this.engine.service(firstService.id);
        if (service) return this.fromRecord(turn, out, last, service, text, log);
      }
    }
    // "deadline for the accessible info work?" after a list of the plan's aims: the item it names by two
    // or more words, when that item holds the answer. What later follow-ups build on is that item.
    if (wants && last.answer === 'plan_list' && last.items?.length) {
      const listed = new Set(last.items.map((i) => i.id));
      const named = this.engine.search(text, { limit: 1, within: (p) => listed.has(p.id) }).results[0]?.passage;
      if (named && this.engine.holdsAnswer(named.id, wants) && this.wordsHeld(named, topicWords(text.toLowerCase())) >= 2) {
        const { answer, response } = composeAnswer(this.engine, text, undefined, { within: (p) => p.id === named.id, vouched: true });
        if (answer.type === 'passage') {
          out.text(`Following on from your last question: “${escapeMarkdown(shorten(text, 160))}”, in “${knowledgeText(shorten(named.title, 80))}”:`);
          return this.answered(turn, out, answer, response, named.title.slice(0, 500), last.kinds, log);
        }
      }
    }
    if (!scopes.length) return undefined;
    // "how much has that grown?", "when was that agreed?": the passage just shown, when it holds that
    // kind of answer; the snippet then finds it beside the last question's words.
    const shownId = last.passage?.id;
    // (Unless another passage of what was shown holds every word: "when did it get royal assent?".)
    // ("which year was that?": a word naming only the kind of answer, "year", is held by any passage with a year.)
    const onlyTheAnswer = namesOnlyTheAnswer(text);
    // ("when was it spent?" after the reserves: a single word of its own that another passage merely
    // uses asks a detail of what was shown; "and the reserves, how much?" names that passage's topic.)
    const holdsAll = (id: string | undefined): boolean => {
      if (onlyTheAnswer) return false;
      const found = this.engine.search(text, { limit: 1, within: scopes[0].within });
      const other = found.results[0];
      if (!other || other.passage.id === id || (found.signals?.knownCoverage ?? 0) < 0.99) return false;
      const own = topicWords(text.toLowerCase());
      if (own.length !== 1) return true;
      const titled = new Set(topicWords(`${other.passage.title} ${other.passage.headings.join(' ')}`.toLowerCase()).map(stem));
      return titled.has(stem(own[0]));
    };
    // Where to look: the part shown when it holds that kind of answer; else, for a bare ask ("since
    // when?"), the part of the same document that does, found by the last question's words. ("When do
    // they get issued?" of a part with no date is asked afresh, below.)
    const shown = last.passage;
    // The best answer anywhere, searched once and only when needed: read here and below.
    let anywhereFound: SearchResponse | undefined;
    const searchAnywhere = (): SearchResponse => (anywhereFound ??= this.engine.search(text, { limit: 1, explain: true }));
    let within: ((p: Passage) => boolean) | undefined;
    let shownHoldsIt = false;
    if (shown && wants) {
      shownHoldsIt = this.engine.holdsAnswer(shown.id, wants);
      if (shownHoldsIt) within = (p) => p.id === shown.id;
      else if (asksBare(text)) within = (p) => p.docId === shown.docId && this.engine.holdsAnswer(p.id, wants);
    }
    // ("deadline for the accessible info work?" after the part on accessible information names it by
    // a word of its own instead of pointing at it.)
    if (within && (pointsAtShown(text) || (shownHoldsIt && shown !== undefined && this.namesShown(text, shown.id))) && !holdsAll(shownId) && !this.answeredBetterElsewhere(text, shown, searchAnywhere)) {
      const understood = withTopic(last.question, topicWords(text.toLowerCase()));
      const { answer, response } = composeAnswer(this.engine, `${last.question} ${text}`, undefined, { within, vouched: true });
      if (answer.type === 'passage') {
        out.text(`Following on from your last question: “${escapeMarkdown(shorten(understood, 160))}”, in “${knowledgeText(shorten(answer.passage.title, 80))}”:`);
        return this.answered(turn, out, answer, response, understood.slice(0, 500), last.kinds, log);
      }
    }
    // A question that stands on its own and does not lean back is a new question; but two or three
    // words ("who qualifies?") are weighed against what was shown all the same.
    const brief = text.trim().split(/\s+/).length <= CONTEXT.briefWords;
    // A bare phrase of one to three words ("values?" after the vision and mission, "volunteering?" after
    // the workforce) asks about what was shown, so it leans on it: the document shown wins when it holds
    // the words about as well as anything does. "What are directions?" asks what they are, wherever that
    // is said.
    const barePhrase = brief && !/^\s*(?:what|whats|what's|who|whos|when|where|why|how|which|is|are|does|do|can|could)\b/i.test(text);
    const pointsBack = resolution.kind !== 'new' || leansBack(text, (t) => this.standsAlone(t)) || barePhrase;
    // Picking up a word of what was shown is a weaker sign than pointing back at it (see below).
    // (Asked what a thing is, "what are directions?", is asked wherever it is defined.)
    const leans = pointsBack || (!asksWhatItIs(text) && this.echoesShown(text, last));
    const anywhereResponse = searchAnywhere();
    const anywhere = anywhereResponse.results[0];
    const anywhereCovers = anywhereResponse.signals?.knownCoverage ?? 0;
    // A message that leans back may fall a margin short of the best answer anywhere; one that does not
    // must beat it.
    const edge = leans ? CONTEXT.margin : -CONTEXT.beat;
    // "what about option 2?" after the four options: the thing it names has its own passage outside what
    // was shown, and that passage is the answer, however well the overview mentions it.
    // "what does it say about SDS?" after East Lothian's objective: asked of the document shown,
    // however well something else answers the words (as long as the document speaks of them).
    // (The document is searched for what it is asked about, "sds", without the asking words.)
    const askedOf = last.passage ? askedOfShown(text) : undefined;
    const ofShown = onlyReading || askedOf !== undefined;
    if (!ofShown && anywhere?.features?.named && anywhereResponse.confident && !scopes.some((s) => s.within(anywhere.passage))) return undefined;
    // "does she have a right to an advocate?": "she" is the person asked about, who stays the same as
    // the subject moves, not a pointer at the article shown (see below).
    const personOnly = pointsBack && !leansBack(text.replace(PERSON_WORDS, 'the person'), (t) => this.standsAlone(t));
    // The narrowest scope first (the part of a long document), then the whole document.
    for (const [tier, scope] of scopes.entries()) {
      // How much of the message each answers, counting the questions each passage is known to answer.
      const insideResponse = this.engine.search(askedOf ?? text, { limit: 1, within: scope.within });
      const inside = insideResponse.results[0];
      if (!inside) continue;
      const insideCovers = insideResponse.signals?.knownCoverage ?? 0;
      // The best answer anywhere is in what was just shown: asked on from it, whatever the wording.
      const sameAnswer = anywhere?.passage.id === inside.passage.id && anywhereResponse.confident;
      // ("how many ppl did we speak to?" after the plan's part on engagement: the part of a long document
      // just shown that covers the message's words clearly better than anything else does answers it,
      // though it does not lean back.)
      const partCovers = tier === 0 && scopes.length > 1 && insideCovers >= anywhereCovers + CONTEXT.partCovers;
      if (!sameAnswer && !leans && !brief && !partCovers && this.standsAlone(text)) return undefined;
      // A message that does not lean back and names a topic by its title ("whats an ACSP?") is a new
      // question, even when the answer sits in what was shown; one that asks a detail of it ("is there a
      // textphone?") is asked on from it.
      const namesTopic = (anywhere?.features?.titleCoverage ?? 0) >= CONTEXT.namesTopic;
      // Unless its best answer anywhere is in the short article, or the part of a long document, just
      // shown: then it is asked on ("what counts as family?" after employing a relative), however many
      // words of its own it has. (The whole plan would be too wide: most questions' best answer is in it.)
      const inShownPart = sameAnswer && (this.engine.passagesIn(inside.passage.docId) <= CONTEXT.longDocument || (tier === 0 && scopes.length > 1));
      // A question naming a topic of the part just shown asks on in it ("what counts as family?",
      // "whats an ACSP?"); one that names its option, standard or service ("who holds the money under
      // option 2?") is a question of its own, wherever its answer is.
      const asksOnInPart = inShownPart && !anywhere?.features?.named;
      if (!leans && !partCovers && (namesTopic ? !asksOnInPart : !inShownPart && topicWords(text.toLowerCase()).length > CONTEXT.detailWords)) return undefined;
      if (!pointsBack && namesTopic && !asksOnInPart) return undefined;
      // `onlyReading`: every other reading failed ("where are they?" after the plan, and no services for it).
      // Beyond the part just shown (the rest of a long document) the margin is not given.
      const allowed = tier === 0 ? edge : Math.min(edge, 0);
      if (!onlyReading && !sameAnswer && (insideCovers < CONTEXT.minCoverage || (!ofShown && insideCovers + allowed < anywhereCovers))) continue;
      // Covering the words as well is not enough when another article answers them far better and
      // nothing but "she" or "he" ties the message to what was shown.
      if (!ofShown && !sameAnswer && personOnly && anywhere && anywhereResponse.confident && anywhere.score - inside.score > CONTEXT.scoreGap) continue;
      // Nor when another passage covers the words at least as well and scores clearly higher: "what if
      // they dont spend it all?" after what a payment may buy is the unspent-money article's question.
      // (The gap was chosen on the tuning conversation sets and checked by 5-fold cross-validation over
      // them: each fold's best gap, fitted on the other four, was the same.)
      if (!ofShown && !sameAnswer && !barePhrase && anywhere && anywhereResponse.confident && anywhereCovers >= insideCovers && anywhere.score - inside.score > CONTEXT.clearlyHigher) continue;
      // "how many third sector orgs are there?": a part with no figure beside those words does not answer
      // it when another passage has one.
      if (!sameAnswer && insideResponse.figureMissing && anywhere && !anywhereResponse.figureMissing) continue;
      // "and for carers?": a part that never mentions carers is not about them, however well it covers the rest.
      if (resolution.kind === 'rewrite' && resolution.topic && swapsTopic(text) && !this.mentions(inside.passage, resolution.topic)) continue;
      if (inside.passage.kind === 'service') {
        const service = this.engine.service(inside.passage.serviceId ?? '');
        if (!service) return undefined;
        return this.fromRecord(turn, out, last, service, text, log);
      }
      // ("vs the uk?" after the internet speed: the line with the speed, not the first to say "UK".)
      const { answer, response } = composeAnswer(this.engine, askedOf ?? text, undefined, { within: scope.within, vouched: true, beside: last.question });
      if (answer.type !== 'passage') return undefined;
      // Says what it understood: the last question with the message's own words, and where it looked.
      const understood = resolution.kind === 'rewrite' ? resolution.question : sameAnswer ? text : withTopic(last.question, topicWords(text.toLowerCase()));
      out.text(`Following on from your last question: “${escapeMarkdown(shorten(understood, 160))}”, in “${knowledgeText(shorten(scope.name, 80))}”:`);
      return this.answered(turn, out, answer, response, understood.slice(0, 500), last.kinds, log);
    }
    return undefined;
  }

  private outOfHours(turn: Turn, text: string, last: LastShown, out: Out, log: (answer?: string) => TurnLog): TurnOutcome | undefined {
    const shown = (last.services ?? []).map((s) => this.engine.service(s.id)).filter((s): s is ServiceRecord => s !== undefined);
    const withLines = (s: ServiceRecord): ServiceRecord => ({ ...s, phones: outOfHoursLines(s) });
    // "after 10 at night": a service whose hours end at 10pm is not open then.
    // ("and if it's after that?" after their hours: from when the last of them closes.)
    const hour = hourAsked(text) ?? (asksAfterClosing(text) ? latestClosing(shown.map((s) => s.schedule)) : undefined);
    const openThen = (s: ServiceRecord): boolean => outOfHoursLines(s).length > 0 && (hour === undefined || openAtHour(s, hour));
    const open = shown.filter(openThen);
    if (open.length) {
      out.text(serviceDetailText(open.map(withLines), 'phone'));
      out.memory.last = { ...last, at: turn.now.toISOString() };
      return this.finish(out, log('service-detail'));
    }
    // None shown is open then: services for the same need that are. The first service shown fits the
    // need best: what it is called ("Adult Social Work" → the Emergency Social Work Service) and its
    // kinds of help (bar being open out of hours) say what the need is.
    const first = shown[0];
    if (!first) return undefined;
    const kinds = new Set((first.categories ?? []).filter((c) => !BROAD_KINDS.has(c)));
    const nameWords = new Set(contentWords(first.name));
    const shownIds = new Set(shown.map((s) => s.id));
    // How many signs of the same need a service gives: kinds of help and words of its name in common.
    // Two are needed, or one for a service whose work is out of hours (Breathing Space after a talking
    // therapy): one broad kind shared ("older people") is not the same need.
    const scored = this.engine.services
      .filter((s) => !shownIds.has(s.id) && openThen(s))
      .map((s) => ({ s, fit: (s.categories ?? []).filter((c) => kinds.has(c)).length + contentWords(s.name).filter((w) => nameWords.has(w)).length }))
      .filter(({ s, fit }) => fit >= 2 || (fit >= 1 && (s.categories ?? []).includes('emergency-out-of-hours')));
    const best = Math.max(0, ...scored.map(({ fit }) => fit));
    const services = scored.filter(({ fit }) => fit === best).slice(0, 2).map(({ s }) => s);
    if (!services.length) return undefined;
    // The service shown first, with its own number, comes first: the question was asked of it.
    out.text(`${serviceDetailText([first], 'phone')}\n\nServices for “${escapeMarkdown(shorten(last.question, 100))}” outside office hours:\n\n${serviceDetailText(services.map(withLines), 'phone')}`);
    const answer: Answer = { type: 'services', services, passageIds: services.map((s) => servicePassageId(s.id)) };
    return this.answered(turn, out, answer, undefined, last.question, ['service'], log(answer.type));
  }

  /** The kind of help (category) of a service that the fewest services give: what it is for most particularly. */
  private particularKind(serviceId: string | undefined): string | undefined {
    const own = (serviceId ? this.engine.service(serviceId)?.categories : undefined) ?? [];
    const count = (c: string): number => this.engine.services.filter((s) => s.categories?.includes(c)).length;
    return [...own].sort((a, b) => count(a) - count(b))[0];
  }

  /**
   * "do they pick folk up?", "does it cost her anything?" after services: "they" and "it" are the
   * services shown, so a passage that never names them does not answer; the first one's whole record
   * may, and says so.
   */
  private recordInstead(text: string, last: LastShown | undefined, answer: Answer, out: Out, readAsFollowUp = false): Answer | undefined {
    const first = last?.answer === 'services' && !last.passage ? last.services?.[0] : undefined;
    if (!first || !last) return undefined;
    // "whats a young carer statement exactly?" asks what a thing is: the passage found for it answers
    // better than a record that only names it.
    if (asksWhatItIs(text) && answer.type === 'passage') return undefined;
    // A message read as new asks of the services only when it is short; one read as a follow-up already
    // leans on them. "Can she sign herself up?": "she", the person, asks of them too when short.
    const words = text.trim().split(/\s+/).length;
    // "is there a waitin list?", "until what age?": a short question whose words the first service's
    // record says is about that service, though it names nothing.
    const record = this.engine.service(first.id);
    // ("when does the panel sit?": the record says "panel", a word few passages use, if not "sit".)
    const recordSays = words <= CONTEXT.recordAskWords && record !== undefined && this.recordSaysEnough(record, topicWords(text.toLowerCase()));
    const asks =
      (mentionsTheThingShown(text) && readAsFollowUp) || ((mentionsTheThingShown(text) || mentionsThePerson(text) || asksNothingOfItsOwn(text)) && words <= CONTEXT.serviceAskWords);
    if (!asks && !recordSays) return undefined;
    // Other services answer a question with words of its own, unless the record shown says them all.
    if ((answer.type === 'services' && !recordSays) || this.namesShownService(answer, last)) return undefined;
    const whole = openPassage(this.engine, servicePassageId(first.id));
    if (whole) out.text(`More of “${knowledgeText(first.name)}”, which may answer “${escapeMarkdown(shorten(text, 100))}”:`);
    return whole;
  }

  /** Whether a record says all of a message's topic words, or half of them with one that few passages use. */
  private recordSaysEnough(record: ServiceRecord, topic: string[]): boolean {
    if (!topic.length) return false;
    if (recordSaysAll(record, topic)) return true;
    const said = recordSays(record, topic);
    return said.length * 2 >= topic.length && said.some((w) => this.engine.passagesWithWord(w) <= CONTEXT.recordRareWord);
  }

  /** Whether an answer is one of the services shown, or a passage that names one. */
  private namesShownService(answer: Answer, last: LastShown): boolean {
    const shown = new Set((last.services ?? []).map((s) => s.id));
    if (answer.type === 'services') return answer.services.some((s) => shown.has(s.id));
    if (answer.type !== 'passage') return false;
    return answer.passage.serviceId !== undefined ? shown.has(answer.passage.serviceId) : this.engine.servicesNamedIn(`${answer.passage.title} ${answer.passage.text}`, false).some((s) => shown.has(s.id));
  }

  /**
   * The part of the document shown that a message asks for by its number alone ("whats 1.2 about?",
   * "tell me more about 1.4", "and 1.6"), when the document numbers its parts in their titles and has no
   * outcomes of the plan's own (in the plan, "2.3" is an outcome: see slotsIn). The first part so titled
   * is the part itself; those after it are its sub-parts.
   */
  private numberedPart(text: string, last: LastShown): Passage | undefined {
    if (!last.passage) return undefined;
    const lower = text.toLowerCase().replace(/[?!,;:]+/g, ' ');
    const code = /(?:^|\s)(\d{1,2}\.\d{1,2})(?=\s|$)/.exec(lower)?.[1];
    if (!code || topicWords(lower.replace(code, ' ')).length > 0) return undefined;
    const parts = this.engine.passagesOf(last.passage.docId);
    if (parts.some((p) => p.outcome !== undefined)) return undefined;
    // (An article's parts are titled "Article: 1.2 …".)
    return parts.find((p) => p.title.startsWith(`${code} `) || p.title.includes(`: ${code} `));
  }

  /** Whether a message answered on its own asks on from the last answer, by the fitted weights. */
  private followsOn(text: string, last: LastShown, answer: Answer): boolean {
    if (!confidentAnswer(answer)) return false;
    const features = followOnFeatures(this.followOnSigns(text, last, answer));
    if (!tiedToLast(features)) return false;
    this.followOnProbe?.(features);
    return followOnScore(features) > 0;
  }

  /** Seen by `npm run fit:follow-on`: the features of each message the follow-on weights decide. */
  followOnProbe?: (features: number[]) => void;

  private followOnSigns(text: string, last: LastShown, answer: Answer): FollowOnSigns {
    const shownIds = new Set((last.services ?? []).map((s) => s.id));
    const passage = answer.type === 'passage' ? answer.passage : undefined;
    const before = last.passage ? this.engine.passage(last.passage.id) : undefined;
    let sameDocument = false;
    if (answer.type === 'services') sameDocument = answer.services.some((s) => shownIds.has(s.id));
    else if (passage?.serviceId) sameDocument = shownIds.has(passage.serviceId);
    else if (passage && before) sameDocument = passage.docId === before.docId && (passage.kind !== 'plan' || (passage.aim !== undefined && passage.aim === before.aim));
    const shownPassages = new Set([...(last.passage ? [last.passage.id] : []), ...(last.items ?? []).map((i) => i.id)]);
    const firstShown = last.services?.[0]?.id;
    const sameShown =
      answer.type === 'services'
        ? answer.services[0] !== undefined && shownIds.has(answer.services[0].id)
        : passage !== undefined && (shownPassages.has(passage.id) || (passage.serviceId !== undefined && passage.serviceId === firstShown));
    const shownText = before ? `${before.title} ${before.text}` : [...shownIds].map((id) => this.engine.passage(servicePassageId(id))?.text ?? '').join(' ');
    return {
      sameDocument,
      sameShown,
      sameSource: sameSource(answer, last),
      sharesTopic: this.sameTopic(answer, last),
      text,
      lastQuestion: last.question,
      shownText,
      shownName: before ? `${before.title} ${before.headings.join(' ')}` : (last.services ?? []).map((s) => s.name).join(' '),
      answerText: passage ? `${passage.title} ${passage.text}` : answer.type === 'services' ? (this.engine.passage(servicePassageId(answer.services[0]?.id ?? ''))?.text ?? '') : '',
      passagesWith: (word) => this.engine.passagesWithWord(word),
    };
  }

  /** Whether an SDS answer's article shares a topic with the article shown last, or a passage answering
   * a question after services names one of them ("how many ASP investigations?" after Adult Support
   * and Protection). */
  private sameTopic(answer: Answer, last: LastShown): boolean {
    if (answer.type === 'passage' && last.answer === 'services') {
      const shown = new Set((last.services ?? []).map((s) => s.id));
      return this.engine.servicesNamedIn(`${answer.passage.title} ${answer.passage.text}`, false).some((s) => shown.has(s.id));
    }
    if (answer.type !== 'passage' || answer.passage.kind !== 'sds' || last.passage?.kind !== 'sds') return false;
    const before = this.engine.passage(last.passage.id)?.topics ?? [];
    return (answer.passage.topics ?? []).some((t) => before.includes(t));
  }

  /** Whether a message names the passage shown by two or more words of its own, and is answered by it
   * first within its document. */
  private namesShown(text: string, shownId: string): boolean {
    const passage = this.engine.passage(shownId);
    if (!passage || this.wordsHeld(passage, topicWords(text.toLowerCase())) < 2) return false;
    const found = this.engine.search(text, { limit: 1, within: (p) => p.docId === passage.docId }).results[0];
    return found?.passage.id === shownId;
  }

  /** How many of these words (by stem) a passage holds, a word in its title counting twice: a title
   * names what the passage is about, the text may use a word in passing ("in their own right"). */
  private wordsHeld(passage: Passage, words: string[]): number {
    const title = new Set(tokenize(passage.title).map(stem));
    const held = new Set(tokenize(`${passage.title} ${passage.text}`).map(stem));
    return [...new Set(words.map(stem))].reduce((sum, w) => sum + (held.has(w) ? 1 : 0) + (title.has(w) ? 1 : 0), 0);
  }

  /** Whether an answer's first passage, or its first service's record, says any of these words. */
  private addresses(answer: Answer, words: string): boolean {
    // A list of the plan's commitments or timescales is built for the words asked: it addresses them.
    if (answer.type !== 'passage' && answer.type !== 'services') return true;
    return this.mentions(answer.type === 'passage' ? answer.passage : this.engine.passage(servicePassageId(answer.services[0]?.id ?? '')), words);
  }

  /** Whether a passage holds any of these words, or another name for one ("cto": compulsory treatment order). */
  private mentions(passage: Passage | undefined, words: string): boolean {
    if (!passage) return false;
    return (this.engine.search(words, { limit: 1, within: (p) => p.id === passage.id }).signals?.knownCoverage ?? 0) > 0;
  }

  /** Whether a short message picks up a word of the passage just shown ("how is earmarked
   * different?" after the reserves, "how many registered care services?" after the workforce). */
  private echoesShown(text: string, last: LastShown): boolean {
    const shown = last.passage ? this.engine.passage(last.passage.id) : undefined;
    const topic = topicWords(text.toLowerCase());
    if (!shown || !topic.length || topic.length > CONTEXT.echoWords) return false;
    const words = new Set(tokenize(`${shown.title} ${shown.text}`).map(stem));
    // Only a word few passages use ties the message to this one: "sds" or "plan" would tie it to any.
    return topic.some((t) => words.has(stem(t)) && this.engine.passagesWithWord(t) <= CONTEXT.echoRarity);
  }

  /** The line of a shown service's record that answers, read from the record as cards show it (no
   * curators' notes); what was shown stays in view. */
  private fromRecord(turn: Turn, out: Out, last: LastShown, service: ServiceRecord, question: string, log: TurnLog): TurnOutcome {
    const snippet = this.engine.snippetIn(servicePassageText(showableService(service)), question);
    out.text(serviceRecordLine(service, snippet));
    out.memory.last = { ...last, at: turn.now.toISOString() };
    return this.finish(out, { ...log, answer: 'service-detail' });
  }

  /** Where a follow-up may be about, narrowest first: the part of a long document just shown, then the
   * document; or, for a message the other readings took as new, the services just shown. */
  private shownScopes(last: LastShown, resolution: Resolution, text: string): Array<{ within: (p: Passage) => boolean; name: string }> {
    const shown = last.passage ? this.engine.passage(last.passage.id) : undefined;
    if (shown) {
      const whole = { within: (p: Passage) => p.docId === shown.docId, name: shown.docTitle };
      const part = shown.headings[0];
      if (part && this.engine.passagesIn(shown.docId) > CONTEXT.longDocument) return [{ within: (p) => p.docId === shown.docId && p.headings[0] === part, name: part }, whole];
      return [whole];
    }
    // Asking about a service shown ("their number", "do they take self-referrals") has its own reading;
    // a message that names a need of its own, or a place, asks for services, not a line of a record.
    const ids = new Set((last.services ?? []).map((s) => s.id));
    if (!ids.size || resolution.kind !== 'new' || topicWords(text.toLowerCase()).length > CONTEXT.detailWords + 1) return [];
    return [{ within: (p) => p.serviceId !== undefined && ids.has(p.serviceId), name: '' }];
  }

  /** Whether a message, on its own, is a question the bot answers confidently. A turn asks this of the
   * same words several times while reading a follow-up: the last few answers are kept. */
  private standsAlone(text: string): boolean {
    const known = this.aloneCache.get(text);
    if (known !== undefined) return known;
    const alone = confidentAnswer(composeAnswer(this.engine, text).answer);
    if (this.aloneCache.size >= 8) this.aloneCache.delete(this.aloneCache.keys().next().value as string);
    this.aloneCache.set(text, alone);
    return alone;
  }

  private readonly aloneCache = new Map<string, boolean>();

  /** The services a passage names (its text does not change, so each is read once). */
  private servicesNamedInPassage(id: string): string[] {
    let named = this.namedInPassage.get(id);
    if (!named) {
      const p = this.engine.passage(id);
      named = p ? this.engine.servicesNamedIn(`${p.title} ${p.text}`).map((s) => s.id) : [];
      this.namedInPassage.set(id, named);
    }
    return named;
  }

  private readonly namedInPassage = new Map<string, string[]>();

  private followUp(turn: Turn, text: string, last: LastShown, resolution: Exclude<Resolution, { kind: 'new' }>, out: Out, personal: string[]): TurnOutcome | undefined {
    const { now } = turn;
    const log = (answer?: string): TurnLog => ({ event: 'follow-up', followUp: resolution.kind, ...(answer ? { answer } : {}), personalDetailsRemoved: personal });
    // "is there a line she can ring at night?": the lines open then, of the services shown or, when
    // none of those is open, of services for the same need.
    // ("are they open at weekends?" asks the hours of those shown, answered below.)
    // ("and at 3am?", "after 10 at night?": a time alone asks who can help then.)
    // ("and if it's out of hours?", "what if it's the weekend": a condition on who to turn to, not their hours.)
    // ("and if it's a saturday, are they open?" still asks their hours.)
    const conditionOnWhen = /^\s*(?:(?:and|but|so)\s+)?(?:what\s+)?if\b/i.test(text) && !/\b(?:are|is) (?:they|it) (?:open|closed|shut)\b|\bopening (?:hours|times)\b/i.test(text);
    const asksForHelp = resolution.kind === 'detail' ? resolution.field !== 'hours' || conditionOnWhen : ASKS_FOR_SOMEONE.test(text) || conditionOnWhen || topicWords(text.toLowerCase()).every((w) => /^\d|^(?:am|pm|after|past|gone|before|until|till|from|night|nights|midnight|oclock|clock|once|close|closes|closed|closing|shut|shuts)$/.test(w));
    if ((resolution.kind === 'detail' || resolution.kind === 'rewrite') && asksForHelp && last.services?.length && asksOutOfHours(text)) {
      const done = this.outOfHours(turn, text, last, out, log);
      if (done) return done;
    }
    switch (resolution.kind) {
      case 'detail': {
        const shown = (last.services ?? []).map((s) => this.engine.service(s.id)).filter((s): s is NonNullable<typeof s> => s !== undefined);
        // ("the activity scheme - how long does it run?": of those shown, the one whose record says the
        // words asked about, beside the time asked for, comes first.)
        // ("how quick do they see referrals?": the one whose record gives a time.)
        const saysMost = (s: ServiceRecord): number => bestRecordSentence(s, resolution.words ?? [], resolution.soon, resolution.field)?.said ?? 0;
        const bestFirst = resolution.words?.length || resolution.soon ? shown.map((s) => ({ s, said: saysMost(s) })).sort((a, b) => b.said - a.said).map(({ s }) => s) : shown;
        // ("how much does the alarm cost him?" after falls services, none of them an alarm: the service
        // the message names, when none of those shown says any of its words.)
        // (Named as a thing, "the alarm": not "after that", "isnt right" or "get one fitted".)
        const asked = resolution.words ?? [];
        const namedAsThing = asked.length > 0 && asked.every((w) => !NOT_A_THING.test(w) && new RegExp(`\\bthe (?:[a-z]+ )?${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text.toLowerCase()));
        const elsewhere = namedAsThing && !resolution.index && shown.every((s) => recordSays(s, asked).length === 0) ? this.serviceNamedBy(asked, last.question) : undefined;
        if (elsewhere) {
          out.text(serviceDetailText([elsewhere], resolution.field));
          out.memory.last = { ...last, at: now.toISOString(), services: [shownService(elsewhere), ...(last.services ?? [])].slice(0, 5) };
          return this.finish(out, log('service-detail'));
        }
        const chosen = resolution.index ? shown.slice(resolution.index - 1, resolution.index) : bestFirst;
        if (!chosen.length) {
          out.text(say.NO_SERVICE_IN_VIEW);
          return this.finish(out, log());
        }
        // "do they have to pay it back?": the sentence of the first service's record that says it, when
        // one does, before the detail's field (which may say only that no cost is published).
        // ("pay it back" is also "repaid", as a record may put it.)
        const words = resolution.words ? [...resolution.words, ...this.engine.otherNamesIn(text)] : [];
        const saying = resolution.words || resolution.soon ? recordSentenceSaying(chosen[0], words, resolution.soon, resolution.field) : undefined;
        if (saying) out.text(serviceRecordLine(chosen[0], saying));
        const rest = saying ? chosen.slice(1) : chosen;
        if (rest.length) out.text(serviceDetailText(rest, resolution.field));
        // ("number and where are they": each detail asked, in turn.)
        for (const field of resolution.also ?? []) out.text(serviceDetailText(chosen, field));
        out.memory.last = { ...last, at: now.toISOString() };
        return this.finish(out, log('service-detail'));
      }
      case 'others': {
        // More like what was shown: services that share a kind of help with those shown (their
        // categories), ranked by how well they fit the need and any words the message adds, the place
        // asked about a preference, not a limit.
        const shown = (last.services ?? []).map((s) => this.engine.service(s.id)).filter((s): s is NonNullable<typeof s> => s !== undefined);
        const shownIds = new Set(shown.map((s) => s.id));
        // The first service shown is the best fit for the need: its kinds of help are what "other" means.
        const kinds = new Set(shown[0]?.categories ?? []);
        const shared = (id: string): number => (this.engine.service(id)?.categories ?? []).filter((c) => kinds.has(c)).length;
        const need = withoutPlaces(resolution.question).replace(/\s+(?:in|near|around|at)\s*$/i, '').replace(/\s+/g, ' ').trim();
        const alike = (p: Passage): boolean => p.kind === 'service' && p.serviceId !== undefined && !shownIds.has(p.serviceId) && shared(p.serviceId) > 0;
        const found = this.engine.search(need, { limit: 20, within: alike }).results;
        const ranked = found.map((r, i) => ({ r, i, shared: shared(r.passage.serviceId ?? '') })).sort((x, y) => y.shared - x.shared || x.i - y.i).slice(0, 3);
        const services = ranked.map(({ r }) => this.engine.service(r.passage.serviceId ?? '')).filter((s): s is NonNullable<typeof s> => s !== undefined);
        if (!services.length) {
          out.text(`Services for “${escapeMarkdown(shorten(need, 100))}”, besides those shown: ${say.NO_OTHER_SERVICES}`);
          out.memory.last = { ...last, at: now.toISOString() };
          return this.finish(out, log());
        }
        const answer: Answer = { type: 'services', services, passageIds: ranked.map(({ r }) => r.passage.id) };
        out.text(`Services for “${escapeMarkdown(shorten(need, 100))}”, besides those shown:`);
        return this.answered(turn, out, answer, undefined, need, ['service'], log(answer.type));
      }
      case 'item': {
        const item = last.listItems?.[resolution.index - 1];
        if (!item) return undefined;
        // The item carries its source: the passage it is listed in, and that passage's document.
        const from = last.passage ? this.engine.passage(last.passage.id) : undefined;
        out.text(`Number ${resolution.index} of the last answer: ${item}${from ? ` _(from “${knowledgeText(from.title)}”, ${knowledgeText(from.docTitle)})_` : ''}`);
        // ("the third one?" after the plan's three aims: that aim, with its outcomes, which the list
        // names only by its opening words.)
        const aim = this.aimListed(item);
        if (aim !== undefined) {
          const question = `plan aim ${aim}`;
          const { answer, response } = composeAnswer(this.engine, question);
          if (answer.type === 'plan_list') return this.answered(turn, out, answer, response, question, ['plan'], log('list-item'));
        }
        out.memory.last = { ...last, at: now.toISOString() };
        return this.finish(out, log('list-item'));
      }
      case 'where': {
        // (After a list from the plan drawn from one part, that part.)
        const part = onePartListed(last);
        const listed = part ? this.engine.passage(part) : undefined;
        const p = last.passage ?? (listed ? shownPassage(listed) : undefined);
        if (!p) return undefined;
        const passage = this.engine.passage(p.id);
        const where = [p.aim ? `aim ${p.aim}` : '', p.outcome ? `outcome ${p.outcome}` : '', p.timescale ? `${p.timescale} term aims` : '', p.section && p.section !== p.title ? p.section : ''].filter(Boolean).join(' › ');
        // The headings above it say the same in the document's own words ("Strategic Aim No.3: People's
        // human … rights …"), which staff quote.
        const headings = (passage?.headings ?? []).filter((h) => h !== p.title && !p.title.endsWith(h) && !where.toLowerCase().split(' › ').includes(h.toLowerCase()));
        const under = headings.length ? `, under ${headings.map((h) => `“${knowledgeText(h)}”`).join(' › ')}` : '';
        out.text(`**${knowledgeText(p.title)}** — where it sits: ${knowledgeText(passage?.docTitle ?? p.docId)}${where ? ` › ${knowledgeText(where)}` : ''}${under}`);
        // "which outcome is that under?" of the aim's evidence, which sits under no one outcome: the aim's
        // outcome closest to what was shown, said as such.
        const nearest = passage && p.aim !== undefined && !p.outcome && /\boutcome/i.test(text) ? this.nearestOutcome(passage, last.question) : undefined;
        if (nearest) out.text(`It sits under aim ${p.aim} as a whole, not under one outcome; the outcome closest to it is **${knowledgeText(nearest)}**`);
        // (The part placed is now what was shown: "what else sits under that outcome?" asks on from it.)
        out.memory.last = last.passage ? { ...last, at: now.toISOString() } : { at: now.toISOString(), question: last.question, answer: 'passage', passage: p, ...(last.kinds ? { kinds: last.kinds } : {}) };
        return this.finish(out, log('where'));
      }
      case 'reference': {
        // What the part shown cites; when it cites nothing, what the rest of a short document cites, and
        // where (a part of the whole plan is not answered from the rest of the plan).
        const part = last.passage ? this.engine.passage(last.passage.id) : undefined;
        if (!part) return undefined;
        const cited = (p: Passage): string[] => legalReferences([p.title, ...p.headings, p.text].join('. '));
        const own = cited(part);
        // A part that cites only a standard cites no law: the law is looked for in the rest as well.
        const isLaw = (ref: string): boolean => !/^standards?\b/i.test(ref);
        const citesLaw = own.some(isLaw);
        const inDoc = this.engine.passagesOf(part.docId);
        const elsewhere = citesLaw || inDoc.length > CONTEXT.longDocument
          ? []
          : inDoc
              .filter((p) => p.id !== part.id)
              .map((p) => ({ where: p === inDoc[0] ? 'its opening' : `“${knowledgeText(p.headings.at(-1) ?? p.title)}”`, refs: own.length ? cited(p).filter(isLaw) : cited(p) }))
              .filter((p) => p.refs.length)
              // (Several passages under one heading, citing the same, are named once.)
              .filter((p, i, all) => all.findIndex((q) => q.where === p.where && q.refs.join() === p.refs.join()) === i)
              .slice(0, 3);
        const lawElsewhere = `elsewhere in “${knowledgeText(part.docTitle)}”: ${elsewhere.map((e) => `${knowledgeText(e.refs.join('; '))} (in ${e.where})`).join('; ')}`;
        const says = own.length
          ? `${knowledgeText(own.join('; '))}${elsewhere.length ? `; the law ${lawElsewhere}` : ''}`
          : elsewhere.length
            ? `none by name or number in this part; ${lawElsewhere}`
            : 'none by name or number';
        out.text(`**${knowledgeText(part.title)}** — the law and standards it cites: ${says}`);
        // Citing nothing by name, the part may still say in words where its rules come from: it is shown whole.
        const whole = own.length || elsewhere.length ? undefined : openPassage(this.engine, part.id);
        if (whole) return this.answered(turn, out, whole, undefined, last.question, last.kinds, log('reference'));
        out.memory.last = { ...last, at: now.toISOString() };
        return this.finish(out, log('reference'));
      }
      case 'detail-search': {
        const { answer, response } = composeAnswer(this.engine, resolution.question, ['service']);
        if (answer.type !== 'services') {
          // "where are they delivered?" after the plan: no services for it, but the plan may say.
          const fromShown = this.fromContext(turn, text, last, resolution, out, personal, true);
          if (fromShown) return fromShown;
          // Nothing shown to ask about: the last question with these words, if that finds an answer.
          const topic = topicWords(text.toLowerCase());
          const rewrite = { kind: 'rewrite' as const, question: withTopic(last.question, topic), topic: topic.join(' ') };
          if (topic.length && this.standsAlone(rewrite.question)) {
            const asked = this.followUp(turn, text, last, rewrite, out, personal);
            if (asked) return asked;
          }
          out.text(say.NO_SERVICE_IN_VIEW);
          return this.finish(out, log());
        }
        out.text(`Services for “${escapeMarkdown(shorten(resolution.question, 100))}”:\n\n${serviceDetailText(answer.services.slice(0, 1), resolution.field)}`);
        return this.answered(turn, out, answer, response, resolution.question, ['service'], log());
      }
      case 'open': {
        const item = last.items?.[resolution.index - 1];
        const answer = item ? openPassage(this.engine, item.id) : undefined;
        if (!item || !answer) return undefined;
        out.text(`Number ${resolution.index} of the last answer: ${item.title}`);
        return this.answered(turn, out, answer, undefined, last.question, last.kinds, log(answer.type));
      }
      case 'more': {
        const firstService = resolution.about ? last.services?.[0] : undefined;
        const whole = firstService ? openPassage(this.engine, servicePassageId(firstService.id)) : undefined;
        if (firstService && whole) {
          // "tell me more about it" after services: the first one's whole record.
          out.text(`More of “${knowledgeText(firstService.name)}”:`);
          return this.answered(turn, out, whole, undefined, last.question, last.kinds, log(whole.type));
        }
        // ("tell me more" after a window of a passage: the rest of it, before anything beyond it.)
        const reason = (resolution.whole || (resolution.about && last.passage?.cut)) && last.passage ? openPassage(this.engine, last.passage.id) : undefined;
        if (last.passage && reason) {
          out.text(`More of “${last.passage.title}”:`);
          return this.answered(turn, out, reason, undefined, last.question, last.kinds, log(reason.type));
        }
        if (last.passage) {
          // The next part of the same document that fits the question, or the passage whole.
          // (The opening passage is the summary: more means beyond it.)
          const shown = last.passage;
          const opening = this.engine.firstPassageOf(shown.docId)?.id;
          // ("anything else under that outcome?" is the plan's list for it: see resolveFollowUp.)
          // (It must speak of what was asked: after the plan's part on SDS, a part on carers' survey
          // figures is no more of it, and the part shown whole is all there is.)
          const asked = new Set(topicWords(last.question.toLowerCase()).filter((w) => !WHERE_TO_LOOK.has(w)).map(stem));
          const fits = (p: Passage): boolean => p.docId === shown.docId && p.id !== shown.id && p.id !== opening && (asked.size === 0 || saysAnyOf(p, asked));
          const next = this.engine.search(last.question, { limit: 40, kinds: [shown.kind] }).results.find((r) => fits(r.passage))?.passage;
          const answer = openPassage(this.engine, next?.id ?? shown.id);
          if (answer) {
            out.text(`More of “${last.passage.title}”:`);
            return this.answered(turn, out, answer, undefined, last.question, last.kinds, log(answer.type));
          }
        }
        const first = last.answer === 'plan_list' ? last.items?.[0] : undefined;
        const opened = first ? openPassage(this.engine, first.id) : undefined;
        if (first && opened) {
          out.text(`More of “${shorten(first.title, 100)}”:`);
          return this.answered(turn, out, opened, undefined, last.question, last.kinds, log(opened.type));
        }
        const answer = moreResults(this.engine, { text: last.question, page: 1, ...(last.kinds ? { kinds: last.kinds } : {}) });
        out.text(`More for “${escapeMarkdown(shorten(last.question, 100))}”:`);
        return this.answered(turn, out, answer, undefined, last.question, last.kinds, log(answer.type));
      }
      case 'rewrite': {
        const options: ComposeOptions = {};
        if (resolution.topic && !resolution.replaced && last.passage) {
          // "and the reserves?" after the budget: the part of the same document about the new words.
          const topicStems = new Set(tokenize(resolution.topic).map(stem));
          const docId = last.passage.docId;
          const lastId = last.passage.id;
          options.prefer = (r: SearchResult) => r.passage.docId === docId && r.passage.id !== lastId && saysAnyOf(r.passage, topicStems);
        }
        // "and support for her as the carer?" after services for him: someone else's need, so a service
        // not yet shown that speaks of them comes first; the ones shown were for the first need.
        // ("and is there a waiting list for it?" asks of the services shown, answered as such.)
        if (resolution.topic && !resolution.place && last.answer === 'services' && last.services?.length && !mentionsTheThingShown(text.toLowerCase()) && (swapsTopic(text) || /^(?:and|but|so)\s.*\bfor\s/i.test(text.trim()))) {
          // ("support", "help", "people": every service speaks of them; who or what is asked about is the topic.)
          const topicStems = new Set(tokenize(resolution.topic).filter((t) => !/^(?:support|help|services?|advice|info|information|anything|any|people|person|someone|folk|home)$/.test(t)).map(stem));
          const shownIds = new Set(last.services.map((s) => servicePassageId(s.id)));
          options.prefer = (r: SearchResult) => r.passage.kind === 'service' && !shownIds.has(r.passage.id) && saysAnyOf(r.passage, topicStems);
        }
        // "who decides?", "then what happens?": asking words alone ask about the document just shown;
        // elsewhere the words would find whatever else decides or happens.
        if (last.passage && !resolution.place && !resolution.kinds && asksNothingOfItsOwn(text)) {
          const docId = last.passage.docId;
          options.within = (p: Passage) => p.docId === docId;
          options.vouched = true;
        }
        // The most particular kind of help the first service shown gives: "and in Penicuik?" after a day
        // centre looks for a day centre there.
        // ("and extra care housing there?" names a need of its own: that need, there.)
        const particular = resolution.place && !resolution.replaced ? this.particularKind(last.services?.[0]?.id) : undefined;
        if (resolution.place) {
          // "and in Penicuik?": services for the same need there, not everything that is in Penicuik.
          // A service fits the need when the need, searched without any place, finds it covering nearly
          // as much of the need's words as the best service does.
          const needResults = this.engine.search(withoutPlaces(resolution.replaced ? resolution.question : last.question), { limit: 40, kinds: ['service'] }).results;
          const best = needResults[0]?.coverage ?? 0;
          const fits = new Set(needResults.filter((r) => r.coverage >= 0.75 * best).map((r) => r.passage.id));
          // So does one giving that particular kind of help, though the need's other words ("lonely",
          // "80") are not in it.
          if (particular) for (const s of this.engine.services) if (s.categories?.includes(particular)) fits.add(servicePassageId(s.id));
          options.keep = (r: SearchResult) => r.passage.kind !== 'service' || fits.has(r.passage.id);
        }
        // A place asked after services means services; "what does the plan say about that?" the plan.
        // "tell me more about the short breaks bit" after the plan: the plan's part on it, not a service.
        const lastSource: PassageKind | undefined = last.passage?.kind ?? (last.answer === 'plan_list' ? 'plan' : undefined);
        const kinds =
          resolution.kinds ?? last.kinds ?? (resolution.drillDown && lastSource ? [lastSource] : undefined) ?? (resolution.place && last.answer === 'services' ? (['service'] as PassageKind[]) : undefined);
        let { answer, response } = composeAnswer(this.engine, resolution.question, kinds, options);
        // "any stats on how carers are doing?" after the plan: the plan's figures, when it has them;
        // another source's figures answer another question.
        // (Said of the plan, "figures" asks for the plan's facts and figures, sentence by sentence.)
        if (!kinds && lastSource === 'plan' && !resolution.place && asksForFigures(text)) {
          const asked = /\bplan\b/i.test(resolution.question) ? resolution.question : `${resolution.question} in the plan`;
          const same = composeAnswer(this.engine, asked, ['plan'], options);
          if (confidentAnswer(same.answer)) ({ answer, response } = same);
        }
        // Asking words the document never uses ("decides") leave it the last question to answer from.
        if (options.within && !confidentAnswer(answer)) ({ answer, response } = composeAnswer(this.engine, last.question, kinds, options));
        const wantsFigure = ['figure', 'date'].includes(this.engine.answerTypeWanted(text) ?? '');
        if (!kinds && last.answer === 'services' && answer.type !== 'services' && !wantsFigure) {
          // "and for young carers?" after services asks for services for them, when there are any
          // ("how many do we commission?" asks for a figure, which services do not hold).
          const services = composeAnswer(this.engine, resolution.question, ['service'], options);
          if (services.answer.type === 'services') ({ answer, response } = services);
        }
        let note = '';
        if (resolution.place && answer.type !== 'services') {
          // The need's words found nothing there: the same particular kind of help, based there.
          const place = resolution.place;
          const there = particular
            ? this.engine.services.filter((s) => s.categories?.includes(particular) && this.engine.passage(servicePassageId(s.id))?.locality?.communities.some((c) => c === place))
            : [];
          if (there.length) answer = { type: 'services', services: there.slice(0, 3), passageIds: there.slice(0, 3).map((s) => servicePassageId(s.id)) };
        }
        if (resolution.place && answer.type !== 'services') {
          // Nothing for the need in that place: the services for it that cover the whole area.
          const wider = composeAnswer(this.engine, withoutPlaces(last.question), ['service']);
          if (wider.answer.type === 'services') {
            ({ answer, response } = wider);
            note = ` I found nothing for that based in ${resolution.place}; these cover it as part of a wider area.`;
          }
        }
        // What the reply says it understood, and what later follow-ups build on.
        let understood = resolution.question;
        if (resolution.topic && !options.within && last.passage && answer.type === 'passage' && answer.passage.id === last.passage.id) {
          // The words added changed nothing: look for the message as typed ("can they switch option at
          // the review?" keeps "option", which the rewrite drops), then its words alone, among the same
          // kind of passage.
          for (const question of [text, resolution.topic]) {
            const alone = composeAnswer(this.engine, question, kinds ?? [last.passage.kind]);
            if (alone.answer.type === 'passage' && alone.answer.passage.id !== last.passage.id) {
              ({ answer, response } = alone);
              if (question === text) understood = text;
              break;
            }
          }
        } else if (resolution.topic && swapsTopic(text) && !this.addresses(answer, resolution.topic)) {
          // "what about for carers?" after help with direct payments: an answer that never mentions
          // carers answers the old question. The new words with the old question's need, then alone.
          for (const question of [`${resolution.topic} ${last.question}`, resolution.topic]) {
            const retry = composeAnswer(this.engine, question, kinds, options);
            // (An option asked stays asked: "what about option 4, how does it work in practice?" is not
            // answered by a passage on "practice" that is not about Option 4.)
            if (confidentAnswer(retry.answer) && this.addresses(retry.answer, resolution.topic) && aboutOptionAsked(retry.answer, text)) {
              ({ answer, response } = retry);
              break;
            }
          }
        }
        if (resolution.topic && !options.within && !resolution.place && answer.type === 'passage' && understood !== text) {
          // "what's this new right to breaks people keep mentioning?" after respite charges: the message
          // as typed finds another article that holds more of its own words than the rewritten
          // question's answer does. (It is read as a follow-up already, so its words alone need not make
          // a confident search; but one word of its own, "and the cost?", is too little to leave the
          // document for.)
          const alone = composeAnswer(this.engine, text, kinds, { vouched: true });
          const own = topicWords(text.toLowerCase());
          if (alone.answer.type === 'passage' && alone.answer.passage.docId !== answer.passage.docId && own.length >= 2 && this.wordsHeld(alone.answer.passage, own) > this.wordsHeld(answer.passage, own)) {
            ({ answer, response } = alone);
            understood = text;
          }
        }
        // Taken together the words answer nothing: then a message with words of its own is a question of its own.
        if (!confidentAnswer(answer) && resolution.topic && this.standsAlone(text)) return undefined;
        // "tell me more about staying active": more is all of the part found, not the lines around its words.
        if (resolution.drillDown && answer.type === 'passage') answer = openPassage(this.engine, answer.passage.id) ?? answer;
        if (!resolution.place && !resolution.kinds) {
          const record = this.recordInstead(text, last, answer, out, true);
          if (record) return this.answered(turn, out, record, undefined, last.question, last.kinds, log(record.type));
        }
        const from = resolution.kinds ? ` (in ${SOURCE_NAMES[resolution.kinds[0]]})` : '';
        out.text(`Following on from your last question: “${escapeMarkdown(shorten(understood, 160))}”${from}${note}`);
        // The same thing shown again ("can mum refer herself?"): the topic has not moved, so the words
        // added are not kept in the question later follow-ups build on.
        const sameTopic =
          (answer.type === 'services' && answer.services[0]?.id === last.services?.[0]?.id) || (answer.type === 'passage' && answer.passage.id === last.passage?.id);
        return this.answered(turn, out, answer, response, sameTopic || resolution.drillDown ? last.question : understood, kinds, log(answer.type));
      }
    }
  }

  /** Sends an answer, keeps an unanswered question for the curators, and remembers what was shown. */
  private answered(
    turn: Turn,
    out: Out,
    answer: Answer,
    response: SearchResponse | undefined,
    question: string,
    kinds: PassageKind[] | undefined,
    log: TurnLog,
  ): TurnOutcome {
    if (answer.type === 'not_sure') out.records.push({ kind: 'unanswered', question, nearest: answer.nearest.map((n) => n.id) });
    out.answer(answer, turn.now);
    const remembered = rememberAnswer(answer, question, turn.now, kinds, communitiesIn(question)[0]);
    if (remembered && answer.type === 'not_sure') {
      // The services offered as nearest are what "who qualifies?" or "their number?" can mean next.
      const nearest = answer.nearest.map((n) => this.engine.service(this.engine.passage(n.id)?.serviceId ?? '')).filter((s) => s !== undefined);
      if (nearest.length) remembered.services = nearest.map(shownService);
    }
    if (remembered) out.memory.last = remembered;
    else if (answer.type === 'not_sure' || answer.type === 'help') delete out.memory.last;
    const confident = confidentAnswer(answer);
    return {
      ...this.finish(out, {
        ...log,
        answer: answer.type,
        ...(response ? { results: response.results.slice(0, 3).map((r) => ({ id: r.passage.id, score: Math.round(r.score * 1000) / 1000 })), confident: response.confident } : {}),
      }),
      answer,
      ...(response ? { response } : {}),
      confident,
    };
  }

  private finish(out: Out, log: TurnLog): TurnOutcome {
    // ("the day centre one, …" answered of it alone: the others shown stay shown after it, so "and the
    // walking one?" can still pick among them.)
    const kept = out.memory.last?.services;
    if (out.picked && out.memory.last && kept?.length === 1 && kept[0].id === out.picked.id) {
      out.memory.last = { ...out.memory.last, services: [...kept, ...out.picked.others] };
    }
    return { replies: out.replies, memory: out.memory, records: out.records, log };
  }

  private cardAction(turn: Turn, value: unknown, out: Out): TurnOutcome {
    const { now } = turn;
    const action = parseCardAction(value);
    if (!action) {
      out.text(say.SORRY_UNKNOWN_ACTION);
      return this.finish(out, { event: 'unknown-card-action' });
    }
    switch (action.verb) {
      case 'ask':
        // A button's question is a whole question: it is not read as a follow-up.
        return this.text(turn, action.text, out, false);
      case 'open': {
        const answer = openPassage(this.engine, action.passageId);
        if (!answer) {
          out.text(say.SORRY_UNKNOWN_ACTION);
          return this.finish(out, { event: 'open' });
        }
        const last = lastShown(out.memory, now);
        return this.answered(turn, out, answer, undefined, last?.question ?? (answer.type === 'passage' ? answer.passage.title : ''), last?.kinds, { event: 'open' });
      }
      case 'more': {
        const text = redactPersonalDetails(action.text).text;
        const answer = moreResults(this.engine, { text, page: action.page, ...(action.kinds ? { kinds: action.kinds } : {}) });
        return this.answered(turn, out, answer, undefined, text, action.kinds, { event: 'more' });
      }
      case 'feedback': {
        // Submit values can be altered: only a passage the index knows is recorded.
        const passageId = knownPassageId(this.engine, action.passageId);
        if (!passageId) {
          out.text(say.SORRY_UNKNOWN_ACTION);
          return this.finish(out, { event: 'unknown-card-action', verb: action.verb });
        }
        out.records.push({ kind: 'feedback', passageId, helpful: action.helpful });
        if (action.helpful) out.text(say.FEEDBACK_THANKS);
        else out.answer({ type: 'feedback_reason', passageId }, now);
        return this.finish(out, { event: 'feedback', helpful: action.helpful });
      }
      case 'signpost': {
        const redacted = redactPersonalDetails(action.answer ?? '');
        if (redacted.found.length) out.text(say.PRIVACY_REMINDER);
        const emergency = safetyFirst(this.engine, redacted.text);
        if (emergency) out.answer(emergency, now);
        const choice = action.choice ? choiceOrText(this.engine, action.choice, action.step) : redacted.text;
        const input: FlowInput =
          action.action === 'answer'
            ? { kind: 'answer', value: choice, ...(action.step ? { step: action.step } : {}) }
            : action.action === 'skip'
              ? { kind: 'skip', ...(action.step ? { step: action.step } : {}) }
              : { kind: action.action };
        return this.flow(turn, input, out);
      }
      case 'signpost-copy': {
        const services = action.serviceIds.map((id) => this.engine.service(id)).filter((x): x is NonNullable<typeof x> => x !== undefined);
        out.text(services.length ? copyForPerson(services) : say.SORRY_UNKNOWN_ACTION);
        return this.finish(out, { event: 'signpost-copy' });
      }
      case 'feedback-reason':
      case 'feedback-text': {
        const redacted = action.comment ? redactPersonalDetails(action.comment) : undefined;
        const reason = action.verb === 'feedback-reason' ? action.reason : undefined;
        out.records.push({
          kind: 'feedback',
          passageId: action.verb === 'feedback-reason' ? (knownPassageId(this.engine, action.passageId) ?? '') : '',
          ...(action.verb === 'feedback-reason' ? { helpful: false } : {}),
          ...(reason ? { reason } : {}),
          ...(redacted ? { redactedComment: redacted.text } : {}),
        });
        if (redacted?.found.length) out.text(say.PRIVACY_REMINDER);
        out.text(say.FEEDBACK_REASON_THANKS);
        return this.finish(out, { event: action.verb, reason });
      }
    }
  }

  /** One step of the guided signposting conversation; its state lives in the conversation's memory. */
  private flow(turn: Turn, input: FlowInput, out: Out): TurnOutcome {
    const { state: next, outcome } = advance(out.memory.signpost, input, turn.now);
    if (next) out.memory.signpost = next;
    else delete out.memory.signpost;
    let answer: Answer | undefined;
    switch (outcome.kind) {
      case 'ask':
        answer = { type: 'signpost_step', prompt: stepPrompt(outcome.step, this.engine.signposting), ...(outcome.repeated ? { notice: say.SIGNPOST_REPEATED } : {}) };
        out.answer(answer, turn.now);
        break;
      case 'done': {
        answer = { type: 'signposting', result: buildSignposting(this.engine, outcome.answers) };
        out.answer(answer, turn.now);
        const remembered = rememberAnswer(answer, outcome.answers.what ?? '', turn.now, ['service'], outcome.answers.where);
        if (remembered) out.memory.last = remembered;
        break;
      }
      case 'cancelled':
        out.text(say.SIGNPOST_CANCELLED);
        break;
      case 'expired':
        out.text(say.SIGNPOST_EXPIRED);
        break;
    }
    return { ...this.finish(out, { event: 'signpost', outcome: outcome.kind, step: outcome.kind === 'ask' ? outcome.step : undefined }), ...(answer ? { answer } : {}) };
  }

  /** The search messaging extension: popular topics before anything is typed, then pages of results. */
  extensionResults(rawText: unknown, initialRun: boolean, skip: number, count: number, now: Date): ExtensionItem[] {
    const text = redactPersonalDetails(typeof rawText === 'string' ? rawText : '').text.trim();
    const size = Math.min(MAX_EXTENSION_RESULTS, Math.max(1, count));
    const popular = initialRun || !text;
    const ids = popular ? this.popularPassageIds() : this.engine.search(text, { limit: skip + size }).results.map((r) => r.passage.id);
    const from = popular ? 0 : skip;
    return ids
      .slice(from, from + size)
      .map((id) => this.extensionItem(id, now))
      .filter((a): a is ExtensionItem => a !== undefined);
  }

  /** The top passage for each example question: what staff most often look for. */
  private popularPassageIds(): string[] {
    const ids = EXAMPLE_QUESTIONS.map((q) => this.engine.search(q.text, { limit: 1 }).results[0]?.passage.id).filter((id): id is string => Boolean(id));
    return [...new Set(ids)];
  }

  extensionItem(passageId: string, now: Date): ExtensionItem | undefined {
    const passage = this.engine.passage(passageId);
    const answer = openPassage(this.engine, passageId);
    if (!passage || !answer) return undefined;
    const [card] = cardsForAnswer(answer, now);
    return {
      passageId,
      card,
      title: shorten(passage.title, 80),
      text: shorten(firstSentence(passage.kind === 'service' ? passage.text : passage.summary ?? passage.text, 140), 140),
    };
  }
}

/** How a follow-up is weighed against what was just shown (see fromContext). `minCoverage`: the share
 * of the message's words the shown document must hold; `margin`: how far below the best passage
 * anywhere it may fall and still be preferred, for a message that leans back; `longDocument`: passages
 * beyond which a document's part, not the whole document, is the context; `briefWords`: a message this
 * short is weighed against what was shown even when it stands on its own; `beat`: how far a message
 * that does not lean back must be better answered by what was shown; `namesTopic`, `detailWords`: such
 * a message names a topic of its own when the best passage's title holds this share of its words, or
 * when it has more topic words than this; `echoWords`, `echoRarity`: a message of at most this many
 * topic words leans back when one of them, used by at most that many passages, is in the passage
 * just shown; `commonWord`: a word in more passages than this is an everyday word, not a topic ("who
 * decides?" asks on); `relatedWords`: a message this short, answered by an SDS article on a topic of the
 * last one, carries the conversation on; `scoreGap`: how far ahead (in ranking score) the best passage
 * anywhere must be to win over what was shown, when only "she" or "he" ties the message to it;
 * `clearlyHigher`: how far ahead it must be to win whatever ties the message, when it covers the
 * message's words at least as well;
 * `recordAskWords`, `recordRareWord`: a message this short asks of the first service shown when its
 * record says all its words, or half of them with one used by at most that many passages;
 * `partCovers`: how much more of a message's words the part of a long document just shown must cover
 * than the best answer anywhere, for a message that does not lean back to be asked on in it. Chosen
 * on the tuning conversations. */
const CONTEXT = { minCoverage: 0.4, margin: 0.3, partCovers: 0.3, longDocument: 12, briefWords: 3, beat: 0.1, namesTopic: 0.6, detailWords: 1, echoWords: 4, echoRarity: 20, commonWord: 40, relatedWords: 6, scoreGap: 1, clearlyHigher: 0.6, serviceAskWords: 8, recordAskWords: 6, recordRareWord: 10 };

/** "what if she's in danger now", "and if he turns up and she's in danger": "(and) what if" said of the
 * person by a pronoun; read only of a message that already brings the emergency routes. */
const WHAT_IF_OF_SOMEONE = /^(?:(?:and|but|so|ok)\s+)?(?:what\s+)?if\b(?=.*\b(?:she|he|they|shes|hes|theyre|her|him|them)\b)(?!.*\b(?:not in danger|isnt in danger|arent in danger)\b).{0,80}$/;

/** Words that follow "the" without naming a thing ("the morning after", "the day before"). */
const NOT_A_THING = /^(?:after|before|back|then|again|next|first|last|same|other|rest|end|start|way|time|day|week|morning|night)$/;

/** Asks for someone or something to turn to, not whether those shown are open. */
const ASKS_FOR_SOMEONE = /\b(?:line|number|phone|ring|call|contact|somewhere|someone|somebody|anyone|anybody|anything|anywhere|who)\b/i;

const SOURCE_NAMES: Record<PassageKind, string> = { plan: 'the Strategic Plan', sds: 'the SDS guidance', service: 'the service directory' };

const PERSON_WORDS = /\b(?:he|him|his|she|her|hers|himself|herself|hes|shes)\b/gi;

/** Kinds of help too broad to say what a need is. */
const BROAD_KINDS = new Set(['emergency-out-of-hours', 'older-people', 'information-advice']);

/** The words of a service's name that say what it is ("social", "work"), not where or whose. */
function contentWords(name: string): string[] {
  return tokenize(name).filter((w) => w.length > 2 && !isStopWord(w) && !NAME_FILLER.has(w)).map(stem);
}
const NAME_FILLER = new Set(['midlothian', 'lothian', 'nhs', 'service', 'services', 'team', 'support', 'scotland', 'out', 'hours', 'line', 'helpline', 'adult', 'adults', 'older', 'people', 'council', 'care', 'carer', 'carers', 'centre', 'day']);

function withoutPlaces(text: string): string {
  return COMMUNITIES.reduce((t, c) => t.replace(new RegExp(`\\b${c}\\b`, 'gi'), ' '), text);
}

/** Whether an answer comes from the kind of source the last one did (SDS after SDS, services after services). */
function sameSource(answer: Answer, last: LastShown): boolean {
  if (answer.type === 'services') return last.answer === 'services';
  return answer.type === 'passage' && last.passage !== undefined && answer.passage.kind === last.passage.kind;
}

/** A passage, services or a plan list: the bot answered rather than offering help or "not sure". */
export function confidentAnswer(answer: Answer): boolean {
  return answer.type === 'passage' || answer.type === 'services' || answer.type === 'plan_list';
}

/** Whether an answer is about the option the message asks, if it asks one: its title names it
 * ("Option 4: a mix of options"). */
function aboutOptionAsked(answer: Answer, text: string): boolean {
  const option = slotsIn(text).option;
  return option === undefined || (answer.type === 'passage' && new RegExp(`\\boption ${option}\\b`, 'i').test(answer.passage.title));
}

/** Words that name where to look, not what is asked about. (Unlike the follow-up reading's source
 * words, "sds" and "support" stay: after the plan's part on SDS, more of it speaks of SDS.) */
const WHERE_TO_LOOK = new Set(['plan', 'plans', 'strategic', 'say', 'says', 'said', 'mention', 'mentions', 'document', 'guidance']);

/** Whether a passage's title or text says a word of one of these stems. */
function saysAnyOf(passage: Passage, stems: ReadonlySet<string>): boolean {
  return tokenize(`${passage.title} ${passage.text}`).some((t) => stems.has(stem(t)));
}

