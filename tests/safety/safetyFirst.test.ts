// Safety first with the real knowledge: the risk signs and weights as built, the routes from the
// directory, and what the bot sends after a risk message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TestAdapter, type Activity } from 'botbuilder';
import { composeAnswer, fitRisk, safetyFirst } from '../../src/answer/composeAnswer';
import { cardsForAnswer } from '../../src/cards/cardData';
import { ConversationCore } from '../../src/conversation/core';
import { createLogger } from '../../src/logger';
import { assessRisk, RISK_KINDS } from '../../src/safety/riskDetector';
import { readRiskSet, RISK_SETS } from '../../src/eval/riskEval';
import { kindOfLabel, scoreRisk, type LabelledMessage } from '../../src/eval/riskScoring';
import { makeBot, searchEngine } from '../helpers';

function messages(file: string): LabelledMessage[] {
  return JSON.parse(readFileSync(file, 'utf8')) as LabelledMessage[];
}

const tuning = (): LabelledMessage[] => readRiskSet(RISK_SETS.tuning);

async function repliesTo(text: string, logger = createLogger('silent')): Promise<Array<Partial<Activity>>> {
  const { bot } = makeBot(undefined, logger);
  const adapter = new TestAdapter(async (context) => bot.run(context));
  await adapter.send(text);
  const replies: Array<Partial<Activity>> = [];
  while (adapter.activeQueue.length) replies.push(adapter.activeQueue.shift() as Partial<Activity>);
  return replies.filter((r) => r.type === 'message');
}

describe('safety first (real knowledge)', () => {
  it('keeps labelled tuning and held-out sets of risk and ordinary messages, every kind covered', () => {
    for (const [name, files] of Object.entries(RISK_SETS)) {
      const file = `${name} (${files.length} files)`;
      const set = readRiskSet(files);
      assert.ok(set.length >= 400, `${file} has ${set.length} messages`);
      assert.ok(set.filter((m) => m.kind === 'none').length >= 150);
      assert.ok(set.filter((m) => m.kind === 'none' && m.subtype === 'topic').length >= 75);
      for (const kind of RISK_KINDS) assert.ok(set.some((m) => kindOfLabel(m.kind) === kind), `${file} has no ${kind}`);
    }
    for (const file of Object.values(RISK_SETS).flat()) {
      const set = messages(file);
      assert.equal(new Set(set.map((m) => m.text)).size, set.length, `${file} repeats a message`);
      for (const m of set) assert.ok(typeof m.text === 'string' && m.text.trim() && typeof m.kind === 'string', `${file}: ${JSON.stringify(m)}`);
    }
  });

  it('recognises the tuning messages of every kind and rarely raises a false alarm on them', function () {
    // Some 14,000 messages: about 25 s alone, three times that beside the other test files.
    this.timeout(300_000);
    const engine = searchEngine();
    // Each message is judged once; the parts below are read from the same judgements.
    const judged = new Map<string, ReturnType<typeof assessRisk>['kinds']>();
    const assess = (text: string): ReturnType<typeof assessRisk>['kinds'] => {
      let kinds = judged.get(text);
      if (!kinds) judged.set(text, (kinds = assessRisk(engine.risk, text).kinds));
      return kinds;
    };
    const figures = scoreRisk(tuning(), assess);
    for (const [label, f] of Object.entries(figures.byLabel)) assert.ok(f.recall >= 0.8, `${label}: ${f.rightKind}/${f.total}`);
    // The first eleven files' ordinary messages are everyday questions and short stories: 3 % at most.
    // The twelfth and later files are full of ordinary stories written to look like risk (a bruise from
    // a treated fall, a row long past, "no thoughts of harming herself"): they are held to 8 %.
    const everyday = scoreRisk(readRiskSet(RISK_SETS.tuning.slice(0, 11)), assess).falseAlarms;
    const lookalike = scoreRisk(readRiskSet(RISK_SETS.tuning.slice(11)), assess).falseAlarms;
    assert.ok(everyday.rate <= 0.03, `false alarms on the first eleven files: ${everyday.alarms}/${everyday.total}`);
    assert.ok(lookalike.rate <= 0.08, `false alarms on the later files: ${lookalike.alarms}/${lookalike.total}`);
  });

  it('recognises risk told in everyday words, and leaves everyday idioms alone', () => {
    const engine = searchEngine();
    const risk = (text: string): string[] => assessRisk(engine.risk, text).kinds;
    // Each message reads as its sign, its kind, or nothing at all.
    const expectSigns = (cases: ReadonlyArray<readonly [string, string]>): void => {
      for (const [text, sign] of cases) assert.ok(assessRisk(engine.risk, text).signs.includes(sign), `${sign}: ${text}`);
    };
    const expectKinds = (cases: ReadonlyArray<readonly [string, string]>): void => {
      for (const [text, kind] of cases) assert.ok(risk(text).includes(kind), `${kind}: ${text}`);
    };
    const expectNone = (texts: readonly string[]): void => {
      for (const text of texts) assert.deepEqual(risk(text), [], text);
    };
    assert.ok(risk('took too many tablets and is drowsy').includes('medical-emergency'));
    assert.ok(risk('my client is on the floor, not responding').includes('medical-emergency'));
    assert.ok(risk('hes cutting his arms again').includes('suicide-self-harm'));
    assert.ok(risk('she says everyone would be better off without her').includes('suicide-self-harm'));
    assert.ok(risk('she denies any thoughts of self-harm').includes('suicide-self-harm'));
    assert.ok(risk('he keeps saying he will jump').includes('suicide-self-harm'));
    assert.ok(risk('she says she would rather die than go on living like this').includes('suicide-self-harm'));
    assert.ok(risk('after watching a film about suicide my client said she has a plan to do the same tonight').includes('suicide-self-harm'));
    assert.ok(risk('he cut his hand on a broken glass and its spurting everywhere').includes('medical-emergency'));
    // "Not hurt" after a fall clears the fall, not someone pushing her: the sign itself still fires.
    for (const text of ['her son pushed her and she fell, she says she isnt hurt', 'she was pushed and fell but wasnt hurt', 'mum fell, she says she wasnt hurt but her son hit her']) {
      const read = assessRisk(engine.risk, text);
      assert.ok(read.kinds.includes('harm-or-abuse'), text);
      assert.ok(read.signs.some((id) => id === 'being-hurt' || id === 'someone-hurts-them'), text);
    }
    // Told as long past, about no one (a character, a service), of an everyday mishap seen to, a
    // goodbye because of a move, or someone living alone asking for an alarm: no card. Beside each, the same words with someone at risk now still route: harm to a child whose
    // author is within reach of children now, being used to harm (not history), a reaction while an
    // epipen is carried, bruises on the back, a person beside a story or a champion, a goodbye with no
    // move, a small child alone in the flat, living on toast, picking at scabs.
    for (const text of [
      'young person was on the child protection register as a baby, now 17 and doing great, wants an apprenticeship',
      'her ex used to control all the money but since the divorce she does her own budgeting, can she get help opening a bank account',
      'my client has a nut allergy and carries an epipen, any cafes with allergen menus',
      'reading a novel in the group where a character takes her own life, any guidance on content warnings',
      'child with haemophilia on our caseload bruises easily, well managed by haematology, mum asking about swimming clubs',
      'can you explain what the child protection register is',
      'is there a domestic abuse court advocacy service around here',
      'is there a domestic abuse champion in the Penicuik team',
      "client is saying goodbye to her friends at the lunch club because she's moving to a care home near her son",
      'community alarm for a man living on his own in Mayfield',
      'had a seizure at the day centre, came round after a minute, now fine, gp informed',
    ]) {
      assert.deepStrictEqual(risk(text), [], text);
    }
    expectKinds([
      ['dad who was jailed years ago for hurting his baby is back living with the family', 'child-protection'],
      ['grandad abused her as a kid years ago and now he babysits her daughter', 'child-protection'],
      ['her new partner was convicted of abusing a child 10 years ago and is moving in with her and the kids', 'child-protection'],
      ['he abused a child years ago and now has unsupervised access to his newborn', 'child-protection'],
      ['she is used to him hitting her', 'domestic-abuse'],
      ['the kids are used to him hitting their mum', 'child-protection'],
      ['she cuts herself, used to do it once a month now daily', 'suicide-self-harm'],
      ['self harm free for 2 days', 'suicide-self-harm'],
      ['her throat is closing up, she carries an epipen', 'medical-emergency'],
      ['gave her the epipen, lips still swelling', 'medical-emergency'],
      ['client plans to end her own life, she is writing a novel', 'suicide-self-harm'],
      ['he works as a chef and threatened her with a knife last night', 'domestic-abuse'],
      ['she gets up at night to cut herself', 'suicide-self-harm'],
      ['7 year old has bruises on his back, mum says from football', 'child-protection'],
      ['mum says the 3 year old just bruises easily, bruises on his back and arms', 'child-protection'],
      ['my client says her partner is the local darts champion and he strangled her last night', 'domestic-abuse'],
      ['she sent her sister a text saying goodbye and that she loves her', 'suicide-self-harm'],
      ['the 4 year old was on his own in the flat when we visited, mum was at the shop', 'child-protection'],
      ['he has been living on toast for a fortnight and the flat smells', 'harm-or-abuse'],
      ['she keeps picking at the scabs on her arms till they bleed', 'suicide-self-harm'],
    ]);
    // A fit straight after another without coming round between is the sign of a fit that will not stop.
    assert.ok(assessRisk(engine.risk, 'he is fitting again straight after the last one and hasnt come round').signs.includes('fit-not-stopping'));
    // An overdose by a character in a drama is no sign; one taken beside it is.
    assert.ok(!assessRisk(engine.risk, 'saw that drama where the character overdosed, anyway whats the number for the carers centre').signs.includes('overdose'));
    assert.ok(risk('after the drama where the dad overdosed my client took an overdose herself an hour ago and is drowsy').includes('medical-emergency'));
    // A child named in everyday words ("lo", "my sons 9", babysitting, weeks into a pregnancy) makes harm a child protection matter too.
    for (const text of [
      'the lo has a bruise on his cheek and mum cant say how it happened',
      'my sons 9 and his uncle hit him with a belt on saturday',
      'the neighbour who babysits left marks on her arm',
      'shes 28 weeks pregnant and he punched her in the belly last night',
      'drinking heavily all through the pregnancy and has stopped going to the midwife',
    ]) assert.ok(risk(text).includes('child-protection'), text);
    // "No children" names no child.
    assert.ok(!risk('her husband hit her again last night, no children, she wants a refuge').includes('child-protection'));
    assert.deepEqual(risk('where is the high risk pregnancy clinic'), []);
    // Signs written for this round: an offender near children, sexual images shown to a child, a child
    // working in school hours or living with the boss, a dressing on the thigh, a bottle of something drunk.
    expectKinds([
      ['a registered offender keeps hanging about the school gates talking to the kids', 'child-protection'],
      ['her stepdad sends the 12 year old porn on snapchat', 'child-protection'],
      ['a 13 year old is working in the car wash during school hours and sleeps at the boss\'s flat', 'child-protection'],
      ['says no urges but there is a fresh dressing on her thigh again', 'suicide-self-harm'],
      ['he drank out of the bottle of bleach under the sink and is being sick', 'medical-emergency'],
    ]);
    expectNone(['online safety session for parents of 12 year olds about porn and nude images being sent, any dates?', 'mum works school hours so she can collect the kids, any childminders?', 'gran gives the weans coke and crisps when they visit, is that ok for their teeth']);
    // Everyday words and moments that only look like a sign: a word the dictionary lacks ("vaping" is
    // not "raping"), a game lost by the writer ("battered her at the quiz night" is still a sign, below).
    expectNone(['my 15 year old is vaping at school, any stop smoking help for teenagers?', 'my 8 year old battered me at fifa again']);
    expectKinds([
      ['her stepfather has been raping her since she was 13', 'child-protection'],
      ['he battered her at the weekend and the kids saw it', 'domestic-abuse'],
    ]);
    // A child named by an age in brackets or "the middle one"; neglect told as
    // meals missed, food hidden, health appointments missed, a toddler out alone while mum sleeps; a
    // child flinching; a pregnancy hidden from everyone.
    for (const text of [
      'Jayden (7) has been taking food home from the breakfast club in his pockets for his brothers',
      'the middle one has a burn on his arm and says he was told not to say how',
      'the 4yo has missed the last three dental and eye appointments, teeth are black',
      'wee boy found wandering in the car park in just his pants, his dad still asleep upstairs',
      'S1 girl flinches whenever anyone lifts a hand near her',
      'young woman says nobody knows shes pregnant, about 36 weeks, wants to have it herself',
    ]) assert.ok(risk(text).includes('child-protection'), text);
    assert.ok(risk('he battered her at the quiz night and her face is swollen').includes('domestic-abuse'));
    assert.ok(risk('5 year old has finger shaped bruises and says he came off his bike').includes('child-protection'));
    // No child named: an adult's parent who fell, an adult's new partner, "lo and behold", "she is 1 of my clients".
    expectNone(['mum says she fell in the kitchen, there is a bruise on her hip, can we get a falls alarm', 'respite is not booked for the next 2 weeks, who do i chase']);
    for (const text of ['my client is 34 and her mums new boyfriend pushed her', 'lo and behold he hit her again', 'she is 1 of my clients and her son hit her', 'she is 28 weeks post surgery and her partner hit her']) assert.ok(!risk(text).includes('child-protection'), text);
    // A parent's account of an injury ("mum says he fell") beside marks: a child protection sign.
    assert.ok(assessRisk(engine.risk, 'dad says he fell off the sofa but the 2 year old has bruises on both cheeks').signs.includes('parent-explains-injury'));
    // "(about 10)" is an age too; an adult jailed over children near them, or drugs given to a child.
    assert.ok(risk('her great granddaughter (about 7) had a burn on her hand and said she was told not to say').includes('child-protection'));
    expectSigns([
      ['the lodger did time for something with kids and now he babysits the 6 year old', 'sex-offender-near-child'],
      ['her uncle gave the 13 year old a line of coke at the party', 'drugs-given-to-child'],
    ]);
    // Voices telling someone to die, self-harm told as coping or by what it leaves behind, a note on the
    // door warning off whoever comes, a baby born withdrawing, a scam sold by phone: each by its own sign.
    expectSigns([
      ['he says the voices keep telling him he would be better off dead', 'command-voices'],
      ['she burns her arm with a lighter, says it helps her cope', 'self-harm-coping-words'],
      ['found blood stained tissues hidden under the yp\'s bed', 'self-harm-hidden-signs'],
      ['neighbour found a note stuck on his door saying dont come in, call the police', 'note-left'],
      ['the newborn is withdrawing and mum wants to take her home today', 'baby-born-withdrawing'],
      ['a salesman who keeps ringing her has sold her £900 of supplements', 'scammed'],
    ]);
    // A child with nowhere to sleep, meeting someone known only from a game, a child whose papers an
    // adult holds, a child shut away or kept from meals: each by its own sign; "one of the s3s" is a child.
    expectSigns([
      ['the 13 year old says his mum threw him out and he slept in a bus shelter', 'child-without-a-home'],
      ['her daughter (11) is going to meet a roblox friend in town, the guy is paying her bus fare', 'meeting-someone-met-online'],
      ['the 15yo lives with a man who keeps her passport and she works in his shop', 'child-documents-held'],
      ['her stepdaughter is locked in her room most evenings and not allowed to eat with them', 'child-shut-away-or-food-withheld'],
    ]);
    assert.ok(risk('one of the s3s has bruises on her back and says her dad did it').includes('child-protection'));
    // Health care kept from a child, a parent's thoughts of harming a baby, a parent's threat to beat a
    // child, a child afraid to go home, a man jailed over children near them: each by its own sign.
    expectSigns([
      ['the toddler has lost weight and mum keeps cancelling the health visitor', 'child-health-care-avoided'],
      ['dad has stopped giving his daughters inhalers, says she is putting it on', 'child-medicine-withheld'],
      ['new mum says she has thoughts of shaking the baby when he cries', 'parent-thoughts-of-harming-baby'],
      ['her dad shouted he would take the belt to him if he was late again', 'parent-threatens-child'],
      ['the 6 year old cries every day at home time and begs to stay at school', 'child-afraid-to-go-home'],
      ['the kids stay over with her new partner who was in prison for things with children', 'sex-offender-near-child'],
    ]);
    expectNone(['my 9 year old cries at home time because she loves nursery so much', 'dad said he would batter him at fifa tonight']);
    // A hand held to something hot, an ultimatum ("if he gets jail hes ending it"), a toddler who got
    // into the tablets, a threat to "finish her", a kettle over her legs: each by its own sign.
    expectSigns([
      ['the boy says his stepdad held his hand against the radiator', 'held-to-something-hot'],
      ['dad held the toddlers hand on the hob', 'held-to-something-hot'],
      ['she says if the council takes the house off her shes ending it', 'ending-it-if'],
      ['the toddler got into gran\'s tablets, hes very sleepy', 'child-swallowed'],
      ['he told her hed finish her if she called the police', 'he-hurts-her'],
      ['the kettle went over her arm, big blisters coming up', 'severe-burn'],
    ]);
    // (Someone hurt by their mum's new boyfriend is a child of the house, unless an adult age is given
    // before or after; so is a great-granddaughter.)
    for (const text of ['my client is 34 and her mums new boyfriend pushed her', 'mums boyfriend pushed her and she hit her head, she is 34']) assert.ok(!risk(text).includes('child-protection'), text);
    expectKinds([['she says her mums new boyfriend slapped her across the face', 'child-protection']]);
    expectKinds([["my client's great granddaughter had finger shaped bruises on her arms when they visited", 'child-protection']]);
    // Ending a tenancy or a relationship is no ultimatum; warming hands, a contract, a course finished: no sign.
    // Who holds an SDS budget, or dying at home as a wish at the end of life: no card.
    expectNone(['what if she picks option 2 - who holds the money', 'pt end of life, wants to die at home and family need more support']);
    // (Ending it with a letting agent, or a meeting, is no ultimatum; the words alone may still weigh it.)
    for (const text of ['if the landlord wont fix the damp shes ending it with the letting agent', 'if the agency is late again shes ending it and going with option 1', 'if no one has any more questions ill end it there']) {
      assert.ok(!assessRisk(engine.risk, text).signs.includes('ending-it-if'), text);
    }
    assert.ok(!assessRisk(engine.risk, 'he held his hands over the heater to warm them').signs.includes('held-to-something-hot'));
    expectNone([
      'client puts her feet on the heater at night',
      'if she passes hell finish her course next year',
      'kettle went on, big cuppa, then we talked about respite',
      'he keeps turning up late to the day centre',
      'our 14 year old got into college, mum wants something to help with her anxiety meds',
      'looking after her stepfather who keeps wandering, any day care',
      'she took an overdose in 2020, fine now, starting college tomorrow',
    ]);
    // A child floppy after the water, someone found slumped, headaches beside an old boiler, glass drawn
    // across their own arm, an attorney who sold the house: each by its sign; the everyday versions not.
    expectSigns([
      ['wee boy fell into the canal, got him out but hes floppy', 'near-drowning'],
      ['carer found him slumped over the table, cant get a word out of him', 'not-responding'],
      ['both of them dizzy with headaches all week and the gas fire is ancient', 'fumes-symptoms'],
      ['she was pulling a razor along her forearm when staff walked in', 'blade-across-own-skin'],
      ['nephew is her attorney and sold her flat, she has no idea where her money is', 'attorney-misuse'],
    ]);
    for (const [text, sign] of [
      ['she sits slumped in the chair all day watching the telly', 'not-responding'],
      ['the boiler is broken and she has a headache from the stress of it', 'fumes-symptoms'],
      ['he slipped with the knife in the kitchen, cut along his arm', 'blade-across-own-skin'],
      ['her son has power of attorney, how do we ask what he has spent', 'attorney-misuse'],
    ]) assert.ok(!assessRisk(engine.risk, text).signs.includes(sign), text);
    // Shorthand for killing oneself, asking whether a means would work, bleach scrubbed into skin, far more
    // than the prescribed dose, wanting out as a partner gets worse, locked out, a threat to kill if she
    // tells: each by its sign; the everyday versions not.
    expectSigns([
      ['he keeps texting that he wants to unalive himself', 'suicide-shorthand'],
      ['she asked if her insulin would do it if she took the lot', 'asks-if-means-would-work'],
      ['he rubs oven cleaner into his arms till they bleed', 'chemical-on-own-skin'],
      ['took double her usual dose of the sleepers on purpose', 'more-than-prescribed'],
      ['she wants to leave him but he is getting more violent every week', 'wants-out-as-it-worsens'],
      ['her husband changed the locks while she was at the shops', 'locked-out-of-home'],
      ['hes told her shell be dead if she tells her sister', 'threat-to-kill-if-tells'],
    ]);
    for (const [text, sign] of [
      ['the day centre is 5 kms from her house', 'suicide-shorthand'],
      ['asked if the council would do it if she applied', 'asks-if-means-would-work'],
      ['spilt bleach on her hands cleaning the bathroom', 'chemical-on-own-skin'],
      ['the gp says she can take more than her usual dose of paracetamol for a week', 'more-than-prescribed'],
      ['she wants to leave the care home, her memory is getting worse', 'wants-out-as-it-worsens'],
    ]) assert.ok(!assessRisk(engine.risk, text).signs.includes(sign), text);
    expectNone([
      'thinking of killing off our old referral spreadsheet, is there a better system',
      'what is the child protection register',
      'the pharmacist said 14 tablets would be enough until her review',
      'she asked if the train would do it or should she get a taxi',
      'the referral took more than the usual amount of time',
      'she took her whole prescription to the pharmacy',
      'he wants to leave the care home, his dementia is getting worse',
      'the landlord changed the locks while she was in hospital',
      'shell be hurt if he leaves the group',
    ]);
    // Scots "no" for "not", a chip pan tipped over herself, stitches opened, "he'll kill me if i tell",
    // leaving before he is back, a girl taken abroad to be "cut", children sent in to steal: each by its
    // sign; the everyday versions not.
    expectSigns([
      ['she says she wants to go to sleep and no wake up', 'wants-to-die'],
      ['shes tipped the chip pan over herself, skin on her arm is peeling', 'severe-burn'],
      ['pt keeps opening up his own stitches', 'wounds-reopened'],
      ['man cut his hand on the saw at the mens shed, its spurting', 'wound-spurting'],
      ["my su said 'he'll kill me if i tell you' then wouldnt say who", 'threat-to-kill-if-tells'],
      ['shes packed a bag and wants out today, hes back at 5', 'leaving-before-he-returns'],
      ["mum says shes taking her daughter abroad in the summer to get her 'cut'", 'fgm-abroad'],
      ['weans getting sent in to steal from the shops by their mum', 'child-criminal-exploitation'],
    ]);
    for (const [text, sign] of [
      ['opening up the stitches on the quilt for the craft group', 'wounds-reopened'],
      ['she tipped the soup over herself at lunch, no harm done', 'severe-burn'],
      ['mum packed a bag for respite, shes back at 5 on sunday', 'leaving-before-he-returns'],
      ['taking her daughter abroad in the summer to get her hair cut', 'fgm-abroad'],
      ["hell kill me if i dont get this report in", 'threat-to-kill-if-tells'],
    ]) assert.ok(!assessRisk(engine.risk, text).signs.includes(sign), text);
    expectNone([
      'she was no well last week, any lunch clubs near her',
      'she wants out of the care home, her sons back at the weekend to discuss',
      // "no" before a need or a concern is no Scots "not"; leaving a job, a pan on a foot, old wounds
      // reopened by a court case, a manager's joke: no emergency.
      'he has no moving and handling needs, lives alone in dalkeith, any befriending',
      'she is independent, no eating or drinking concerns, wants a lunch club',
      'baby gaining weight, no feeding concerns, mum wants a baby group',
      'she wants to leave her job, her husbands back in work soon, any money advice',
      'she wants to leave the lunch club early, her husbands home at 3',
      'she dropped the pan on her foot, big bruise, any falls clinic',
      'she spilled soup down herself at the club, big mess, can she still go',
      'the court case keeps opening up her wounds, any counselling',
      'my manager said shell kill me if i tell her i lost the form lol',
      // Fear of a fall, not of a person.
      "older man lives alone, 2 falls this month, daughter terrified he'll go down and nobody will know",
      'shes terrified of falling, any classes',
      'the kids were caught stealing from the shops, any youth work',
      // Wanting out of the house is wanting company.
      'man in his 70s, wife passed in the spring and hes isolated now. wants out the house. whats about?',
      // Admitted to hospital is no admission of harm.
      'shes getting frailer, anything short term so she doesnt end up admitted',
      'he keeps getting admitted with chest infections, any respiratory support at home',
    ]);
    // A means named in passing ("walking into the reservoir", "driving the car into a wall"), a sudden
    // calm with a decision made, stroke signs told loosely, a cleaner drunk, a bloody compass found, a
    // whispered plea, screams and thuds next door, money held while the person goes without.
    expectSigns([
      ['while i had her on the phone she said shes been thinking about walking into the reservoir', 'plan-or-means'],
      ['the carer broke down and said some days she thinks about driving the car into a wall', 'plan-or-means'],
      ["cl: 'im not scared anymore, i know exactly what im going to do'", 'calm-resolved'],
      ['her speech went funny and her arm went weak but its a bit better now, is that a stroke?', 'stroke-signs'],
      ['cl drank something from under the sink, think its oven cleaner, shes drooling', 'poisoning'],
      ['found a bloody compass and a pile of used plasters behind his bed', 'self-harm-hidden-signs'],
      ['autistic young man we support is gouging at his eyes when hes distressed', 'hurting-own-body'],
      ["wife whispered 'help me' when he went to the loo", 'secret-plea-for-help'],
      ['neighbour hears screaming and thuds from the flat, she has dementia and lives with her grandson', 'screams-heard'],
      ['her granddaughter has control of her pension and she is going without heating', 'money-held-going-without'],
    ]);
    expectKinds([['there was a hole in the door and she had a fat lip, he was in the next room listening', 'domestic-abuse']]);
    expectNone([
      'she drove the car into a wall in the car park, bumper hanging off, is she insured',
      'we went walking into the water at the beach on the outing, lovely day',
      'shes not scared of the dentist anymore and has decided to go on tuesday',
      'the family has control of his money via poa, is that ok for sds',
      'she whispered can you help me with the form',
      'is that a stroke club on tuesdays',
      'where do i get oven cleaner for her flat',
      // Thinking about a job, calm about a move, control of one's own money, distress in dementia, a
      // note on a form, a habit of the voice, a descaler returned: no card from these signs.
      'hes thinking about the railway job, any carers support',
      'shes not worried now, shes decided to move into sheltered housing',
      'she has control of her money but is going without heating, any fuel grants',
      'mum with dementia is screaming and banging on the doors at night, dad exhausted, any respite',
      'she wrote on the form help with shopping and meals',
      'is this a fit for him',
      'he took the descaler back to the shop',
      'his voice goes funny when hes nervous, any speech therapy',
    ]);
    expectSigns([["she whispered to me 'help me'", 'secret-plea-for-help'], ['she passed me a note saying help', 'secret-plea-for-help'], ['her son has control of her pension and she has no heating', 'money-held-going-without']]);
    // Scots and dropped g's ("heid", "deid", "feart", "takin"), a death date named, a goodbye phoned
    // round, asking how a way of dying feels, scars picked open, a face swelling after a sting, "could it
    // be sepsis", bills unpaid under a power of attorney, a carer asking for loans, a child seeing an
    // adult, a threat to kill the weans, a child made to sleep in the shed, no one collecting a bairn, an
    // ex out of jail looking for her, a refuge needed tonight, afraid of himself.
    expectSigns([
      ['she said shed be deid by the weekend', 'wont-be-here'],
      ['he phoned his ex n his brother to say bye, he never does that', 'saying-goodbye'],
      ['my lady keeps askin if drowning hurts', 'asks-how-dying-feels'],
      ['shes been pickin her scars open', 'wounds-reopened'],
      ['guy in supported flat hammerin his heid off the floor', 'head-banging'],
      ['wasp sting n her face is blowin up', 'sting-or-food-reaction'],
      ['hasnt peed all day, slurred n breathin fast, could it be sepsis', 'sepsis-fever'],
      ['daughter has POA n the bills arent gettin paid', 'attorney-misuse'],
      ['paid carer keeps askin my su for loans', 'asked-for-loans'],
      ['think her family are rippin her off, who do i tell', 'ripped-off-by-someone'],
      ['15yo lassie seein a 25yo guy', 'child-with-adult-partner'],
      ["dad said he'd kill the weans", 'parent-threatens-child'],
      ['stepdad makes the boy sleep in the shed', 'child-made-to-sleep-out'],
      ['nobody came for the bairn at nursery, phones aff', 'child-harmed'],
      ['ex just got out the jail n is lookin for her', 'ex-looking-for-her'],
      ['she needs a refuge tonight', 'refuge-needed-now'],
      ['she needs to get into a refuge tonight', 'refuge-needed-now'],
      ["man at no11 said hes feart of himself, doesnt trust himself on his own tonight", 'afraid-of-self'],
    ]);
    // Voice typing: a word split in two ("her self"), a child's age said in words, a short form spelled
    // out ("s u no breathin" is "su not breathing").
    expectKinds([['s u no breathin', 'medical-emergency']]);
    expectSigns([
      ['shes pinched her self really hard, she says it helps', 'harm-self'],
      ['his daughter is twelve and her step dad makes her keep secrets', 'child-at-risk-home'],
      ['she told me shes not going to be a problem for any one much longer', 'not-a-burden-for-long'],
      // (What is joined is only what was split: "her self-harm", "his self neglect" keep their signs, and
      // a leave word elsewhere in a story does not explain away "wont be here much longer".)
      ['her self-harm got worse after the accident', 'self-harm-word'],
      ['his self neglect means hes not eating', 'neglect-word'],
      ['shes been off sick with depression and told me she wont be here much longer', 'wont-be-here'],
      // (Staff wording a letter for work is no goodbye; a person's own letter for after they are gone is.)
      ['she asked me to help write a letter to her kids for after shes gone', 'saying-goodbye'],
      ["she's hanging washing line from the loft hatch", 'hanging'],
    ]);
    expectNone([
      'wants to hang some pictures in her new flat, any handyman',
      'can you help me word a letter to a family about a budget review',
      'what does self neglect mean under the a s p act',
      'shes two weeks late with the rent and drinking again',
      'i wont be here on friday, annual leave',
      'she says the stairs wont be a problem for her now',
    ]);
    expectKinds([
      ['su no breathin', 'medical-emergency'],
      ['had an infection last week, now confused, mottled skin n shakin like a leaf', 'medical-emergency'],
      ['kids got bruises on both cheeks, what do i do', 'child-protection'],
    ]);
    expectNone([
      'shes popping in to say bye before her holiday',
      'phoned to say bye for now, see you tuesday',
      'wasp sting yesterday, a wee bit red, any first aid course',
      'what are the signs of sepsis, any training',
      'how much are the poa fees',
      'the support worker asked for the petty cash receipts',
      'the energy company is ripping her off, any fuel advice',
      '16yo lad going out with a 17 year old girl, any youth groups',
      'he doesnt trust himself with money, any budgeting help',
      'the boys slept in the shed on the camping weekend for fun',
      'what are the refuge numbers in the strategy',
      'his wife had a heart attack last year and is back at aqua fit now, he wants a carers group for himself',
      'had a fall last month, now uses a frame, any exercise class',
      'she doesnt trust herself on the stairs, any falls class',
      'i said bye to her and left at 3, how do i record a missed visit',
      'her carer asked if direct payment money can pay for a gym',
      'her partner is looking for her a day centre',
      'we need refuge spaces now',
      'someone took an overdose in the day centre, what should staff do',
    ]);
    // Admitting to something still tells of it.
    expectKinds([['she admitted she cut herself last night', 'suicide-self-harm'], ['he says he just wants out of it all', 'suicide-self-harm']]);
    // A past fall or fit beside one happening now is still now; a person named Corrie is no soap.
    expectKinds([
      ['had a fall last winter, now lying on the floor since this morning cant get up', 'medical-emergency'],
      ['she had a seizure back in june and is fitting again now', 'medical-emergency'],
      ['corrie took an overdose tonight', 'suicide-self-harm'],
      ['pt wants out of the ward, says she has nothing left to live for', 'suicide-self-harm'],
    ]);
    // (An overdose in "an episode" of illness is still an overdose; only a programme's episode is fiction.)
    expectKinds([['she had an episode when she od on her meds last night', 'suicide-self-harm']]);
    // Relayed second hand: the sign in everyday words, and a person after a reporting word ("receptionist
    // said pt rang …") is one person, not a question about a topic.
    expectSigns([
      ['friend of my su says hes been drinking all weekend and now hes throwing up blood', 'vomiting-blood'],
      ['her son said dad has had lows all day with his diabetes and now hes not making sense', 'diabetic-and-confused'],
      ['his sugars dropped and now hes slurring and not making sense', 'low-sugar'],
      ['care home staff said a resident pushes pins into her fingers and says it calms her down', 'cutting-verb'],
      ['she keeps pushing pins into herself', 'harm-self'],
      ['his girlfriend phoned, hes been cutting his chest where no one will see', 'cutting-verb'],
    ]);
    expectKinds([
      ['receptionist said pt rang asking how many paracetamol is too many', 'suicide-self-harm'],
      // (Their near-misses: an overdose scene that is real, a labour happening now, tablets taken.)
      ['police called to an overdose scene at her flat', 'suicide-self-harm'],
      ['woman in the waiting room in labour, baby is coming now', 'medical-emergency'],
      ['son keeps taking her tablets and she keeps running out of them', 'harm-or-abuse'],
    ]);
    expectNone([
      'at carers group a film had an overdose scene and one carer got upset, any carer counselling locally?',
      'a cl took an overdose back in march, discharged and doing really well now, any peer support group locally',
      'shes pregnant and had pnd last time, doing fine now, wants to plan ahead for the perinatal service',
      'his type 1 diabetes clinic is on tuesday, can the dial a ride take him',
      'dad has diabetes and dementia, gets confused at night, any day care?',
      'the guidance says clients who self harm should be offered what',
      // ("keeps forgetting his tablets" is memory, not tablets kept from him.)
      'a customer thinks her husband might be getting dementia, keeps forgetting his tablets, who can she ring',
    ]);
    // (Money taken is still money taken when an SDS review is mentioned.)
    expectKinds([['son is taking her money, sds review next week', 'harm-or-abuse']]);
    // Put out of a flat with nowhere to sleep is homelessness, not harm by a person.
    assert.deepEqual(risk('man got kicked out by his landlord and has nowhere to sleep tonight, who do i call'), []);
    // Ordinary moments that only share words with those signs: no card.
    expectNone([
      'hitting the gym helps him cope with stress',
      "mum stopped the antibiotics on the gp's advice, what else can she try for the rash",
      'child missed the dentist due to illness',
      'mum cancelled the health visitor, baby has a cold',
      'child asks to stay at after school club, mum works late',
      'the kids wont go home from the park',
      'his daughter 16 put out the bins',
      'son 15 meeting his gaming friend at the cinema with his dad',
      'the school kept his birth certificate for enrolment, boy aged 6',
      'teenager shut in her room for hours revising',
      'he told me in a shaky voice that his wife is dead, where can he get bereavement support',
      'pinned a note on the door saying dont come in, covid positive',
      'her son is a phone salesman',
    ]);
    // And the masks stay narrow: a seizure beside a screen, a wish to join a wife "the care team" heard,
    // a coach's photos of boys, self-harm again after years without, a grandson who put her out and took her card.
    expectKinds([
      ['he was watching the telly having a seizure', 'medical-emergency'],
      ['dad is on the pc having a fit', 'medical-emergency'],
      ['he told the care team he is ready to join his wife', 'suicide-self-harm'],
      ['coach takes photos of the boys in the changing room', 'child-protection'],
      ['no self harm for over five years but she was cutting again last night', 'suicide-self-harm'],
      ['her grandson booted her out of her own flat and took her bank card', 'harm-or-abuse'],
    ]);
    // A team joined, a laptop "having a seizure", no self-harm for years: no sign.
    expectNone(['my son is 10 and wants to join a rugby team, any clubs near penicuik', 'the laptop is having a seizure again', 'no self harm for over five years, wants to train as a peer supporter']);
    // A group to meet other young carers, a birthday party: no sign.
    expectNone(['young carer (13) wants to meet other young carers, any groups?', 'the kids were drinking juice at a birthday party and one was sick, any soft play venues that are quieter']);
    // A low blood sugar is a sign though "blood sugar" names a test ("blood" alone is masked, not "sugar");
    // drifting in and out is losing consciousness; marks in neat rows, or put down to the cat, are self-harm;
    // an abuser released or out of prison makes past abuse a risk now.
    expectSigns([
      ['her blood sugar is reading 1.9 and she is very drowsy', 'low-sugar'],
      ['he is drifting in and out and we cant keep him awake', 'airway-or-colour'],
      ['scabs all along her forearm in straight lines, says it was the cat', 'self-harm-marks-in-lines'],
    ]);
    assert.ok(risk('her ex strangled her last year and he has just been released').includes('domestic-abuse'));
    // "do himself in" is suicide; "done in" is worn out, and "did herself in lifting …" an injury.
    for (const text of ['he says he is going to do himself in at the weekend', 'talking about doing herself in']) assert.ok(assessRisk(engine.risk, text).signs.includes('do-self-in'), text);
    expectNone(['wife caring for him 24/7 and shes done in, anything to give her a break', 'she did herself in lifting the wardrobe, any physio', 'hes done himself in, his back is agony, any physio']);
    // ("done in" alone is masked: the person beside it still counts.)
    assert.ok(risk('she is done in and has a rope').includes('suicide-self-harm'));
    expectNone([
      'her blood pressure is high, the gp wants to review her meds',
      'he was released from hospital last week after his stroke years ago, any rehab',
      'drifting in and out of work since the redundancy, any employability help',
      'lines of paint in straight rows on the car park, who do i report that to',
      'marks in a row on her arm from the insulin injections',
      'he has scars in neat rows on his stomach from keyhole surgery, any support',
      'she keeps drifting in and out of contact with the team',
      'the phone signal is fading in and out at her flat',
      'her ex hit her years ago and he was released from the psychiatric ward, any groups',
    ]);
    // A closed case, a settled worry or a joke elsewhere in the message does not take back a risk told as now.
    for (const [text, kind] of [
      ['They closed the case last month and now she has taken 40 paracetamol and wont wake', 'medical-emergency'],
      ['Ringing in case the surgery is closed, dad has crushing chest pain, grey and sweaty', 'medical-emergency'],
      ['Police took no further action, he is threatening to kill her', 'domestic-abuse'],
      ['her husband has been hitting her for years now', 'domestic-abuse'],
      ['she got discharged and took an overdose', 'suicide-self-harm'],
      ['He is drunk, sleeping it off but I cant wake him and his breathing is slow', 'medical-emergency'],
      ['epilepsy usually well controlled but he has been fitting for over 5 minutes', 'medical-emergency'],
      ['he choked her and was laughing about it', 'domestic-abuse'],
      ['suspected heart attack about 20 minutes ago, he is grey and sweating', 'medical-emergency'],
      ['Im not kidding, he says he will kill her', 'domestic-abuse'],
      ['another psychotic episode, I cant keep myself safe', 'suicide-self-harm'],
      // Nor does a question about closing, a review's learning, what a plan says or the right term.
      ['is it ok to close the alert? the carer was seen pushing her and she has bruises', 'harm-or-abuse'],
      ['she took an overdose and is unconscious, whats the learning', 'medical-emergency'],
      ['our plan says call 999 - a resident has collapsed and is not breathing', 'medical-emergency'],
      ["what's the correct term - a young person at the unit has been cutting their arms tonight", 'suicide-self-harm'],
      ['does the plan say what to do, her partner is hitting her right now', 'domestic-abuse'],
    ] as const) assert.ok(risk(text).includes(kind), text);
    // Words that only look like the new signs are not them.
    expectNone(['Mum refuses her medication most mornings, she has dementia, any tips?', 'client downed the bottle of wine last night, any alcohol services?', 'carers going in and out four times a day, is there respite?', 'Client got the top floor flat she wanted, any help moving?', 'feel like my team leader stabbed me in the back over the rota', 'do we need a defib at the lunch club?']);
    // A worker's "not in immediate danger" is no sign that someone is unsafe; "not safe at home" still is.
    for (const text of ['he cant cope today, not in immediate danger but really struggling', 'not in immediate danger but mum is struggling']) {
      assert.ok(!assessRisk(engine.risk, text).signs.includes('not-safe'), text);
    }
    for (const text of ['she says shes not safe at home, kids not in danger', 'kids are not in immediate danger but mum is not safe at home', 'she says shes not safe, he says shes no longer in danger', 'not at immediate risk but unsafe at home with him', 'kids arent in danger but mum is', 'he isnt in danger, she is', 'cant say shes not in danger']) {
      assert.ok(assessRisk(engine.risk, text).signs.includes('not-safe'), text);
    }
    // "seventy five year old" is no child; "my brother is 10 minutes away" names no child.
    assert.ok(!risk('seventy five year old husband fell and hit his head, bleeding heavily').includes('child-protection'));
    assert.ok(!risk('my brother is 10 minutes away, dad has crushing chest pain').includes('child-protection'));
    // A group named, a figure "in the 80s" or a doubt about safety do not make a sign history or a topic.
    assert.ok(risk('someone at the walking group said they want to kill themselves tonight').includes('suicide-self-harm'));
    assert.ok(risk('her sats are in the 80s and she is struggling to breathe').includes('medical-emergency'));
    assert.ok(risk('wee girl has bald patches, mum says she pulls it out when shes stressed').includes('suicide-self-harm'));
    // A child there when a parent's life is in danger brings the child protection routes too.
    assert.deepEqual(risk('mum took an overdose last night, the 8yo found her').filter((k) => k === 'child-protection' || k === 'suicide-self-harm'), ['suicide-self-harm', 'child-protection']);
    // A bruise on a baby who cannot move yet is a child protection matter; a toddler's bite at nursery is not.
    assert.ok(risk('hv here, 4mo has a bruise on his cheek, he cant even roll yet').includes('child-protection'));
    assert.deepEqual(risk('my 2 year old bit his pal at nursery lol, nursery says totally normal'), []);
    // An event checked and cleared is history; the same sign happening now still routes.
    assert.ok(risk('she was given the all clear but now has crushing chest pain and is sweating').includes('medical-emergency'));
    assert.ok(risk('her anaphylaxis plan is up to date but her lips are swelling now and she cant breathe').includes('medical-emergency'));
    // Someone told by age, a toddler, or children counted, is a person: "what do I do" after them is no general question.
    assert.ok(risk('3 yo at nursery keeps acting out sexual things with dolls, what do i do').includes('child-protection'));
    assert.ok(risk('toddler swallowed some tablets, not sure how many, what do i do').includes('medical-emergency'));
    assert.ok(risk('police attended 4 DA incidents at the same address this month, 3 kids under 6 in the house').includes('child-protection'));
    // A child's injury with a story that keeps changing, however it is worded.
    assert.ok(risk('toddler with a burn on his hand, story from the parents keeps changing').includes('child-protection'));
    // Where it happens ("at the day service") is no topic question.
    assert.ok(risk('sudden collapse at the day service, no breathing, one of the staff has started CPR').includes('medical-emergency'));
    // An everyday idiom masks only its own words: the same words told of someone else, or across a
    // sentence break, still route.
    assert.ok(risk('client\'s partner was banging her head against a brick wall last night').length > 0);
    assert.ok(risk('she is pulling her hair out in clumps').includes('suicide-self-harm'));
    assert.ok(risk('the man in the car had a heart attack').includes('medical-emergency'));
    assert.ok(risk('her dad tried to kill himself. Laughing it off now but I\'m worried').includes('suicide-self-harm'));
    // Everyday words that are no risk on their own do not hide the risk told beside them.
    assert.ok(risk('she feels cut off from her family and friends since moving in with her partner').includes('domestic-abuse'));
    assert.ok(risk('the stress is giving him a heart attack, he is on the floor clutching his chest').includes('medical-emergency'));
    assert.ok(risk('took a novel psychoactive substance, unresponsive').includes('medical-emergency'));
    assert.ok(risk('ask for ani codeword used by a woman at the till, scared to go home').includes('domestic-abuse'));
    // Signs told without the usual words, each by its own sign: scalding or burning an own arm, a
    // goodbye posted as a last night on earth, a note left and nobody knowing where he went, a mother
    // sedated to keep her in bed, bruises put where no one will see them; for a child, a child
    // protection concern raised about them, suspected FGM, a child on the streets at night.
    const signsOf = (text: string): string[] => assessRisk(engine.risk, text).signs;
    for (const [text, sign] of [
      ['she held the iron against her own arm after the row', 'hurt-on-purpose'],
      ['he poured boiling water over his own hand', 'hurt-on-purpose'],
      ['his sister says he texted "last night on earth" to the group chat', 'final-words'],
      ['left a note on the table, his mum doesnt know where he has gone', 'missing-and-low'],
      ['her son gives her sleeping pills in the afternoon so she stays in bed', 'sedated-to-manage'],
      ['bruises on her upper arms where nobody would see them', 'injuries-placed-out-of-sight'],
      ['marks on her back where they wont show', 'injuries-placed-out-of-sight'],
      ['bruises on her ribs, he is careful where he hits her', 'injuries-placed-out-of-sight'],
      ['i want to raise a child protection concern about a 12 year old boy carrying packages', 'child-concern-raised'],
      ['school nurse says a 9 year old girl back from a trip abroad, possible fgm', 'fgm-suspected'],
      ['a wee boy (7) wandering the streets alone after midnight', 'child-harmed'],
      // Wrists kept bound up, with no treatment told; a fall or a sport given as the reason is the usual
      // cover story, so it does not excuse them.
      ['her partner says she comes out of the bathroom with her wrists bandaged', 'wrists-bound'],
      ['his forearms are all taped up again and he wont say why', 'wrists-bound'],
      ['his wrists are bandaged, says he fell', 'wrists-bound'],
      // Burns of a shape no accident leaves, on a child.
      ['her son has round burns on the soles of his feet, mum says he stood on something', 'child-burns-patterned'],
      ['forearms always taped up, says its from the gym', 'wrists-bound'],
      // A nurse who saw it, or a watch kept on her, excuses nothing.
      ['the school nurse saw her wrists bandaged', 'wrists-bound'],
      ['her wrists are bandaged, we need to keep a watch on her', 'wrists-bound'],
      // Scalding one's own body; a child threatened so as not to tell, or put out with nowhere to sleep;
      // money going missing after someone's visits; a partner's controlling messages.
      ['the 14yo has been pouring kettle water over her own hands', 'scalding-own-body'],
      ["Jayden (7) said 'mummy said she'll burn me with the iron if I tell'", 'child-threatened-not-to-tell'],
      ['Teenager (15) says her dad has thrown her out and she has nowhere to sleep tonight', 'child-thrown-out'],
      ['15 year old put out of the house with nowhere to sleep', 'child-thrown-out'],
      ['the 14yo has been kicked out by mum, nowhere to stay', 'child-thrown-out'],
      ['toddler has drunk some of the liquid from a dishwasher pod, mum panicking', 'child-swallowed'],
      ["more money missing from her purse after the agency carer's visits", 'money-going-missing'],
      ['she showed me his texts - u better be home by 6, who were u talking to', 'controlling-messages'],
      // One parent hurting the other, told by their child; a mark on the neck.
      ['my dad hits my mum when he is drunk', 'parent-hurts-parent'],
      ["her dad has always hit her mum and now he's getting worse", 'parent-hurts-parent'],
      ['woman with a strangulation mark on her neck, says it was a necklace', 'neck-marks'],
      // "A bit" is an amount, never a bite; a bite is still one.
      ['his wife says he bit her', 'partner-hurts'],
      // A scam told by its signs: a bank account "compromised", cold calls to a named person.
      ["old gent got a call saying his bank account was compromised, hes moved 8k already", 'scammed'],
      ["he stubs out his roll-ups on his forearm, says it's nothing", 'hurting-own-body'],
      ['he stubbed out a roll up on his forearm', 'hurting-own-body'],
      // Someone thrown or flung across a room, down the stairs or against a wall.
      ['she was thrown down the stairs by her son', 'thrown-against-or-down'],
      ['mum threw him across the room during his tantrum', 'thrown-against-or-down'],
      // A parent too drunk to care for the child at pick-up, told beside an ordinary bite at nursery.
      ['wee one bit another child at nursery, mum smelling of drink at pick up and couldnt stand', 'child-at-risk-home'],
      // A pact to die together; a whole week's tablets, or someone else's, swallowed.
      ['her husband wants them to die together', 'suicide-pact'],
      ['they talked about a suicide pact', 'suicide-pact'],
      ['a resident has taken a whole weeks dosette, very drowsy', 'poisoning'],
      ['he swallowed someone elses tablets', 'poisoning'],
      // A severe asthma attack; talk of walking out and not coming back; wounds reopened or skin
      // rubbed till it bleeds; someone barely responsive and icy cold.
      ['asthmatic lad, inhaler not helping, he can barely talk', 'asthma-attack-severe'],
      ['says hes been thinking about walking into the hills and not coming back', 'not-coming-back'],
      ['she reopened her stitches in the toilets', 'wounds-reopened'],
      ['she scrubs her arms with a wire brush till they bleed', 'wounds-reopened'],
      ['found her barely responsive on the couch', 'not-responding'],
      ['heating off, skin icy, barely responsive', 'cold-and-confused'],
      ['stung by a bee, face puffing up and wheezy, no epipen', 'sting-or-food-reaction'],
      // A partner who goes through her phone or hides a tracker; a few words at a time in an asthma
      // attack; a new "friend who's been so kind" and a house signed over; bruises from hitting herself
      // with a hairbrush; fingers held over the hob; an older man "just waiting to join her".
      ['asked if we can only ever ring her work number because he goes through her phone', 'monitors-phone-or-location'],
      ['she found a tracker tag stuck under her car seat, thinks its his', 'monitors-phone-or-location'],
      ['SU with asthma has used the blue inhaler loads and can only get a couple of words out at a time', 'asthma-attack-severe'],
      ["older lady with memory probs is signing her house over to a neighbour whos 'been so kind to her'", 'befriended-for-money'],
      ["pt says the bruises on her legs are from 'hitting them with the hairbrush when i get like this'", 'hitting-own-body-with'],
      ['a boy with burns on his fingertips told a pal he holds them over the hob', 'scalding-own-body'],
      ["widower says hes just 'waiting to join her' and has stopped eating", 'wants-to-die'],
    ] as const) assert.ok(signsOf(text).includes(sign), text);
    assert.ok(!signsOf('his wife says he drinks a bit more now').includes('partner-hurts'));
    assert.ok(!signsOf('she had round burns on her arm from the cooker').includes('child-burns-patterned'));
    for (const [text, sign] of [
      ['she spilt the kettle over her own hand by accident', 'scalding-own-body'],
      ['young woman put out by her family, nowhere to sleep tonight', 'child-thrown-out'],
      ['her purse went missing at the bingo', 'money-going-missing'],
      ['her purse went missing again at the bingo', 'money-going-missing'],
      ["she's managing to pour the kettle on her own now, does she still need the kettle tipper?", 'scalding-own-body'],
      ['my son wants to know what his dad will get us for christmas, dont tell', 'child-threatened-not-to-tell'],
      ['the 15yo was put out of the youth club for swearing, is there anything else on tonight', 'child-thrown-out'],
      ['tell him you better be in for the OT visit at 10', 'controlling-messages'],
      ['dad beat mum at cards again', 'parent-hurts-parent'],
      ['her dad hit her mum when she was wee, parents long split', 'parent-hurts-parent'],
      ['the couple agreed to end things together and sell the house', 'suicide-pact'],
      ['the couple have asked to die together at home, both on end of life care', 'suicide-pact'],
      ['widow, husband passed 2 yrs ago, wants to join something social', 'wants-to-die'],
      ['my teams account was hacked again, who do I contact in IT', 'scammed'],
      ['mr j needs his gutters cleared, any handyman service', 'scammed'],
      ['she took a whole week off', 'poisoning'],
      // A thing thrown is no person thrown.
      ['the ball was thrown across the room by the kids', 'thrown-against-or-down'],
      ['his phone got flung against the wall in a temper', 'thrown-against-or-down'],
      ['the wee one cant stand up yet, shes only 8 months', 'child-at-risk-home'],
      ['inhaler not working, needs a new prescription', 'asthma-attack-severe'],
      ['elderly man, wheezy chest, cant speak english, needs an interpreter', 'asthma-attack-severe'],
      ['shes heading off, moving to spain next month and not coming back', 'not-coming-back'],
      ['he told her to go and never come back', 'not-coming-back'],
      ['eczema flare, scratching till it bleeds, mum wants cream', 'wounds-reopened'],
      // Everyday phrases set aside before the signs are read: dying at home in palliative care, hair
      // dyed, a line gone dead, screaming the house down, collecting the children, a bereavement.
      ['pt palliative, family want her to die at home, what overnight support is there', 'wants-to-die'],
      ['he wants to die his hair blue for the grandkids', 'wants-to-die'],
      ['teen son slamming doors and shouting about his xbox, any parenting support', 'child-harmed'],
      ['bereavement by suicide group near dalkeith for a client', 'suicide-word'],
      ['old boy wants to hand in his shotgun and give up the licence', 'plan-or-means'],
      ['farmer asking if his shotgun certificate renewal needs a GP letter', 'plan-or-means'],
      // Bumps on a walking child's shins or knees that a professional has seen; bed-wetting; a tooth
      // lost; siblings squabbling; breathless on the stairs; a licence given back; model trains.
      ['toddler has bruises on his shins from climbing everything, GP not worried', 'child-harmed'],
      ['6yo still wetting the bed, mum embarrassed', 'child-at-risk-home'],
      ['she picks at her scabs, 86 with dementia', 'wounds-reopened'],
      ['dad with dementia likes his walks, hes got a GPS tracker, always comes home fine', 'monitors-phone-or-location'],
      ['his face dropped when he saw the cake, he loved his birthday', 'stroke-signs'],
      ['kids fighting constantly in the back of the car, normal sibling stuff', 'child-harmed'],
      ['pt gets breathless on the stairs, known COPD, stable on inhalers', 'not-breathing'],
      ['neuro cleared her and DVLA gave her licence back', 'giving-things-away'],
      // Giving things away because of a move or a licence taken is no goodbye.
      ['giving away his tools and furniture cos hes moving to cowan court extra care next month', 'giving-things-away'],
      ['giving his fishing gear to his grandson since the DVLA took his licence', 'giving-things-away'],
      // Wishing someone else dead, shouted by a child at a parent, is no wish to die.
      ["her 9yo screamed 'i wish you were dead' when she took the xbox off him", 'wants-to-die'],
    ] as const) assert.ok(!signsOf(text).includes(sign), text);
    // The same words said of a person's body are still signs.
    for (const text of ['he is gasping for breath and grey', 'she is gasping for some oxygen', 'he is gasping for his inhaler', 'she is choking on her dinner', 'she wants to end her life']) assert.ok(signsOf(text).length > 0, text);
    for (const treated of ['her wrist is bandaged after her carpal tunnel operation', 'dressings on her forearms from skin tears, the nurse changes them', 'his community alarm is strapped round his wrist', 'tattoos covered his forearms']) {
      assert.ok(!signsOf(treated).includes('wrists-bound'), treated);
    }
    // Letters put away "for after", said mid-sentence, still read as a goodbye; "for after school" does not.
    assert.ok(risk('she wrote letters to her kids for after, and gave the dog to her sister').includes('suicide-self-harm'));
    // A general-sounding question asked from a visit happening now is about a person now; a visit now
    // says nothing about a past told as over.
    assert.ok(risk('how do i get help for someone who says they want to kill themselves? on a home visit now').includes('suicide-self-harm'));
    // Harm dealt with and over, bruising where injections go, and "pushing up daisies" said in jest, are no harm now.
    for (const everyday of ['financial abuse by the lodger was dealt with by police last yr, lodger long gone, SU wants budgeting help', 'big bruise on her tummy from the clexane injections, DN says normal injection site bruising', 'SU jokes hell be pushing up daisies before the wet floor shower gets fitted, how do we chase it']) assert.deepEqual(risk(everyday), [], everyday);
    for (const past of ['she took an overdose years ago, were on a home visit now to review her care package', 'he took an overdose in 2019, doing well, living in supported accommodation there now']) assert.deepEqual(risk(past), [], past);
    // An ordinary thing told beside a sign hides nothing: a wish to die beside activities, a hand-shaped
    // bruise on a child with a bleeding disorder, a teething baby left alone, people named "with" a
    // condition who are being hurt.
    for (const [text, kind] of [
      ['she wants to die, shes refusing to join any activities', 'suicide-self-harm'],
      ['the 8yo has haemophilia but the bruises on his back are in the shape of a hand and he says dad did it', 'child-protection'],
      ['teething baby left alone in the flat all night', 'child-protection'],
      ['patients with dementia on the ward being hit by a nurse', 'harm-or-abuse'],
      ['her husband wants them to die together', 'suicide-self-harm'],
      ['the toddler was flung across the room', 'child-protection'],
      // A line gone dead is set aside; a threat told before it still routes.
      ['he says hes going to kill himself, then the line went dead', 'suicide-self-harm'],
      // Risks told beside everyday phrases still route: a wish to die at home with the means, a drunk
      // parent picking children up, a child screaming every night, bed-wetting that started with a
      // new adult in the house, a licence held by someone thinking of using the gun, a fall-free "not hurt".
      ['he says he wants to die at home tonight with the gas on', 'suicide-self-harm'],
      ['dad picks them up drunk from school most days', 'child-protection'],
      ['neighbour hears the wee one screaming the house down every night and banging', 'child-protection'],
      ['7 year old started wetting the bed again since her uncle started staying, wont say why', 'child-protection'],
      ['he has a shotgun licence, says hes thinking of using it on himself', 'suicide-self-harm'],
      ['she cant guarantee she will not hurt herself if she goes home', 'suicide-self-harm'],
      ['inhaler through the spacer isnt helping, she can barely talk', 'medical-emergency'],
      ['toddler has bruises on his knees and ears, gp not worried but nursery are', 'child-protection'],
      ['hes been clearing out his flat and giving away his dog and guitar, says he wont need them', 'suicide-self-harm'],
      ['doesnt want to go into a care home, says hell walk into the hills and not come back', 'suicide-self-harm'],
      ['stung by a bee, face puffing up, no epipen', 'medical-emergency'],
      ['gave his dog and his medals away, says hes moving to a better place', 'suicide-self-harm'],
      ['she keeps saying she wishes she was dead', 'suicide-self-harm'],
      ['the lodger was dealt with by police last year but now hes back and taking her money again', 'harm-or-abuse'],
      // Joking words beside a threat do not hide a wish to die told in earnest.
      ['she wants to end her life, was laughing about it but i think she means it', 'suicide-self-harm'],
      // A child's bruise in a pattern or with a story that does not fit still routes beside the shins.
      ['toddler has bruises on his shins and a hand mark on his back, says daddy did it', 'child-protection'],
      ['he collects model trains and says he will step in front of a real one tonight', 'suicide-self-harm'],
    ] as const) assert.ok(risk(text).includes(kind), text);
    // Someone reporting a child's injury is no report asked for.
    assert.ok(risk('school reports a 6 yr old came in with a black eye and said mummy said not to tell').includes('child-protection'));
    for (const ordinary of [
      'training on self-harm',
      // "For after school" is a time of day; a bare "what is … harm" asks what the word means.
      'mum of a 7yo with autism looking for after school clubs in Dalkeith',
      'what is institutional harm',
      'what does financial abuse mean?',
      // Everyday figures of speech: a wish, a price, a stuffy room, an ended payment; explaining a word.
      "he's gasping for a proper holiday, is there a short break fund for carers?",
      "He's choking at the cost of taxis to the community hospital, any help with transport?",
      'cant breathe in this office its so stuffy. is the hub free tomorrow?',
      'He wants to end his direct payment and go back to option 3',
      'How do I explain neglect under ASP to a family in plain words?',
      "he's fed up to the back teeth with the roadworks on the A7, takes him an hour to get to the hospital",
      'she wants to end her tenancy and move nearer her daughter',
      'Do Citizens Advice help people recover money after a scam?',
      // Ordinary childhood: teething, nits, a biting phase, a tantrum; a model of practice asked about.
      "my wee one's teething and screaming all night, any tips I can pass on",
      'the kids have nits again, whats the best treatment',
      'kid bit another child at nursery, parent asking how to handle the biting phase',
      'the 4yo threw a massive tantrum in Tesco, mum exhausted',
      'what is the Safe and Together model for domestic abuse',
      // A service asked whether it sees people with a history is a question about a service.
      'does the access point see people with a self-harm history or is that CMHT',
      'training on bruising in non mobile babies for health visitors',
      // General questions that count children or name an age band, ask how many, or start "if".
      'how many under 5 children are on the child protection register',
      'how to support families where 3 children witness domestic abuse',
      'if they miss 3 doses of insulin what should staff do',
      'do you know how many people self harm in midlothian',
      'not sure how many people die of overdose',
      // An adult not walking after a fracture is no injured baby; no children, no child protection.
      'dad is not walking since his hip fracture, what support is there',
      'police were called to a domestic at the house, no children live there',
      'suicide prevention in the plan',
      'drug deaths figures',
      'end of life care services',
      'budget cuts to day services',
      // Young people out and about, asked of as a group, are no child at risk now.
      'kids out on the streets with nothing to do - any youth clubs in Mayfield?',
      'teenagers fending for themselves after leaving care - what support is there',
      'fit note for a carer',
      'his chest pain was checked at A&E, all clear, he wants physio',
      'her anaphylaxis plan is in place, mum wants an epipen trainer for the school',
      "what's self-neglect exactly, as opposed to a lifestyle choice",
      // Someone home after a stroke is not a home taken; an assessment in his own right is not neglect.
      'her husband had a stroke and is home now, is there carer support',
      'he cares for his wife and has never had an assessment in his own right',
      // A flat battery is not a means; a case closed, the money paid back, is history.
      'my cars dead in the car park, anyone got jump leads',
      // A small burn already cooled and covered, and a staff idiom, are not emergencies.
      'mr t got a small burn off the oven door, ran it under the cold tap and covered it, no blister',
      'im pulling my hair out with this rota',
      'the printer is having a heart attack again',
      'feel like banging my head against a wall with this referral portal',
      'carer says she is at the end of her rope with the forms, can someone help fill them in',
      'he was killing himself laughing at the old comedy shows, any dementia-friendly activities',
      'she broke her glasses, can she get help paying for new ones',
      'financial abuse by her nephew, her case was closed in 2022 and the money was paid back, she wants help with sds now',
      // A fall with no one hurt is a falls question; laughing and good news are not a body in danger.
      'client fell but isnt hurt, is there a service for that',
      'she nearly killed herself laughing at the panto with the day centre group',
      'his wife choked on the news that the respite was approved, she was that pleased',
      // A film or documentary about a harm, with no one in it, is a topic.
      'that documentary on coercive control last night was really good, anyone know what it was called',
      // Isolation, a figure of speech, and what the IJB committed to.
      'lady feels cut off in her flat in loanhead, lifts been broken a week',
      'this spreadsheet is going to give me a heart attack',
      'what did the ijb commit to on violence against women and girls',
      // What a plan says about a harm, the words to use for it, drinking less, are topics.
      'does the strategic plan say anything on self-harm',
      'is there a preferred term for committed suicide in reports',
      'his drinking has crept up a bit, his wife wants him to cut back, any services',
      // Nor are a bee sting with a little redness, cream on her own skin, a child feeling left out, or
      // not knowing where a service is based.
      'stung by a bee, just a bit of redness and swelling now',
      'she puts the moisturiser on her own skin now',
      'the 12 year old feels shut out at school and has no friends, any groups',
      'sorry, i dont know where they are based - the carers centre in dalkeith?',
      // How to raise a concern, asked in general, and teenagers with nothing to do, are no child at risk now.
      'how do i make a child protection referral',
      'teenagers walking the streets with nothing to do, any youth clubs in mayfield',
      // Everyday words of the job: getting in touch, the tax office for a PA's employer, who holds an ISF's
      // money, a son with power of attorney asking about care money, an empty first tenancy, a crisis grant,
      // intimate personal care, a past stroke, a cut on a tin lid, TV drama, young carers meeting, cutlery.
      "Could you let me have their phone number, please? I'd also like to know whether she can get in touch with them herself or whether it has to come from me as a referral. Best wishes, F",
      'cl wants to employ his own PA - what does he legally have to sort, insurance hmrc etc',
      'with option 2, who actually holds the money - is that what people mean by an ISF',
      'old lady with bad dementia, her son has power of attorney. can he choose how her care money gets used',
      'client has a DP for a PA, what can and cant the money be spent on',
      'young lad just got a tenancy after being homeless, the flat is totally empty, no bed, is there any grant',
      'su no gas or electric, nothing till her UC comes in. crisis grant?',
      'she is now receiving palliative care and a lot of the care is quite intimate',
      "she's been caring for him round the clock since his stroke and is tearful",
      'frail old man going off his feet, family dont want him admitted to the RIE. anything to treat him at home',
      'wants talking therapy but cant face the gp, can she self refer',
      'if he throws her out tonight n the council is shut who do i call',
      'cut myself on a tin lid making su\'s lunch, tiny nick, do i need to fill in an accident form',
      'my lady loves watching casualty, someone collapsed on it and she wants to learn cpr. any community classes',
      'young carers project - the grandson helps his gran after school and wants to meet other kids',
      'she laid out the knives and forks for dinner',
      // Worry that she might end up lying on the floor, asking for an alarm, is a service question.
      "Hello, hope all is well with you. I'm an OT assistant working with a lady of 84 in Loanhead who lives on her own and has had two falls at home in the past month, thankfully without injury. Her daughter lives in Fife and is really anxious that her mum could end up lying on the floor for hours. Is there an alarm or telecare service in Midlothian that could help with this? With thanks, Priya",
      'gran keeps falling and lying on the floor for ages, they want an alarm she can press',
    ]) {
      assert.deepEqual(risk(ordinary), [], ordinary);
    }
    // Wanting out of a relationship is leaving it: the abuse routes, not the suicide routes.
    for (const leaving of ['cl disclosed DA from partner, wants out, has 2 kids. where do i point her', 'she wants out, do they have refuge spaces']) {
      assert.ok(!risk(leaving).includes('suicide-self-harm'), leaving);
    }
    // Beside them, the same kinds of words when someone is at risk still route.
    expectKinds([
      ['man rang claiming to be from hmrc and took her savings', 'harm-or-abuse'],
      ['her son has been spending her money and she has no food', 'harm-or-abuse'],
      ['his face has dropped on one side and he cant talk', 'medical-emergency'],
      ['he threw her out and hit her, she is scared', 'domestic-abuse'],
      ['she admitted to me she has been cutting', 'suicide-self-harm'],
      ['her carers left her lying on the floor for hours', 'harm-or-abuse'],
      ['she says she wants out of everything and has been saving her tablets', 'suicide-self-harm'],
      // A child's age between commas is an age; a burden spared; belongings binned; means laid ready or knotted; a lighter on the skin.
      ["went to do mrs h's visit and her granddaughter, about 4, was in the house on her own", 'child-protection'],
      ["hes drinking way more since the diagnosis and just said he'll 'save the nhs the bother'", 'suicide-self-harm'],
      ["he's binned all his clothes, gave the telly to next door and says he's moving on", 'suicide-self-harm'],
      ['cl tried last year. today same talk again and the knives are all laid out on the worktop', 'suicide-self-harm'],
      ['cl has knotted her scarves together in the wardrobe and wont say why', 'suicide-self-harm'],
      ["su's back on the lighter again on her wrist today", 'suicide-self-harm'],
    ]);
  });

  it('draws every route from the directory, 999 first, each kind with its own routes and first step', () => {
    const engine = searchEngine();
    const services = engine.services;
    const firstTwo = (text: string): string[] => (safetyFirst(engine, text)?.routes ?? []).slice(0, 2).map((r) => r.number);
    assert.deepEqual(firstTwo('he told me he is suicidal'), ['999', '116 123']);
    assert.deepEqual(firstTwo('her partner hits her and she is scared to go home'), ['999', '0131 561 5800']);
    assert.deepEqual(firstTwo('the toddler has bruises nobody can explain'), ['999', '0800 731 6969']);
    for (const kind of RISK_KINDS) {
      for (const route of engine.emergencyRoutes.risks[kind]) {
        const r = engine.emergencyRoutes.routes.find((x) => x.id === route);
        assert.ok(r && services.some((s) => s.id === r.serviceId && (s.phones ?? []).some((p) => p.number === r.number)), `${kind}: ${route}`);
      }
    }
    const answer = safetyFirst(engine, 'he told me he is suicidal');
    assert.ok(answer);
    const card = JSON.stringify(cardsForAnswer(answer));
    assert.match(card, /tel:999/);
    assert.ok(card.includes(engine.risk.signs.kinds['suicide-self-harm'].firstStep.slice(0, 40)));
  });

  it('after the routes, keeps only an answer that fits the risk', () => {
    const engine = searchEngine();
    const palliative = composeAnswer(engine, 'palliative and end of life care').answer;
    assert.equal(fitRisk(engine, palliative, ['suicide-self-harm']), undefined);
    const womensAid = composeAnswer(engine, "women's aid east and midlothian").answer;
    assert.ok(fitRisk(engine, womensAid, ['domestic-abuse']));
    // Not sure of the story, but its nearest services include help for the risk the routes do not give:
    // that help is shown, not the routes again, nor what was near for another reason.
    const nearest = ['mhars-mental-health-and-resilience-service', 'samaritans', 'midlothian-scottish-welfare-fund'].map((id) => ({ id: `service:${id}`, title: id }));
    const help = fitRisk(engine, { type: 'not_sure', nearest }, ['suicide-self-harm'], ['samaritans']);
    assert.ok(help?.type === 'services');
    assert.deepEqual(help.type === 'services' && help.services.map((s) => s.id), ['mhars-mental-health-and-resilience-service']);
    assert.equal(fitRisk(engine, { type: 'not_sure', nearest: nearest.slice(1) }, ['suicide-self-harm'], ['samaritans']), undefined);
    // A child at risk: the support for children and families, a roof tonight or crisis money is the help
    // beyond the routes; a day centre for older people is not.
    const youngCarers = composeAnswer(engine, 'midlothian young carers project').answer;
    assert.ok(fitRisk(engine, youngCarers, ['child-protection']));
    const homeless = composeAnswer(engine, 'midlothian homelessness service').answer;
    assert.ok(fitRisk(engine, homeless, ['child-protection']));
    assert.ok(fitRisk(engine, homeless, ['domestic-abuse']));
    const dayCentre = composeAnswer(engine, 'broomhill day centre penicuik').answer;
    assert.equal(fitRisk(engine, dayCentre, ['child-protection']), undefined);
  });

  it('after the routes, shows the nearest help for that risk of a story it was not sure of, not as a confident answer', () => {
    const engine = searchEngine();
    const text = 'gent at the practice, scunnered wi it aw, v low, not actively suicidal, wants a blether wi someone the day';
    // (What this test is about: the search alone is not sure of the story.)
    assert.equal(composeAnswer(engine, text).answer.type, 'not_sure');
    const out = new ConversationCore(engine).respond({
      input: { kind: 'text', text },
      memory: {},
      now: new Date('2026-03-02T10:00:00Z'),
      conversation: 'hash',
    });
    const shown = JSON.stringify(out.replies);
    assert.match(shown, /tel:999/);
    assert.match(shown, /MHARS/);
    assert.equal(out.confident, false);
    // The kind of risk stands for the message in what is remembered, as with the routes alone.
    assert.equal(out.memory.last?.question, engine.risk.signs.kinds['suicide-self-harm'].label);
    assert.ok(out.records.some((r) => r.kind === 'unanswered'));
  });

  it('answers a topic question as asked, with the emergency numbers one tap away', () => {
    const engine = searchEngine();
    const { answer } = composeAnswer(engine, 'what does the plan say about suicide prevention');
    assert.equal(answer.type, 'passage');
    assert.ok(answer.type === 'passage' && answer.suggestions[0].text.startsWith('emergency numbers for'));
    const numbers = composeAnswer(engine, answer.type === 'passage' ? answer.suggestions[0].text : '').answer;
    assert.ok(numbers.type === 'emergency' && numbers.requested && numbers.risks.includes('suicide-self-harm'));
  });

  it('in a conversation: the emergency card first, then only a fitting answer, and the log names the kind only', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const messagesSent = await repliesTo('client says she wants to end her life, she is in palliative care', logger);
    assert.match(JSON.stringify(messagesSent[0].attachments), /If someone is at risk right now/);
    for (const later of messagesSent.slice(1)) assert.doesNotMatch(JSON.stringify(later.attachments ?? later.text), /[Pp]alliative/);
    const log = lines.join('\n');
    assert.match(log, /"risk":\["suicide-self-harm"\]/);
    assert.doesNotMatch(log, /end her life|palliative/);
  });

  it('does not show the emergency card for an ordinary question', async () => {
    const all = JSON.stringify(await repliesTo('end of life care services'));
    assert.doesNotMatch(all, /If someone is at risk right now/);
  });
});
