// Word lists the rules match against. Adding a word here changes output: bump EXTRACTOR_VERSION.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Reporting verbs that introduce what someone said, in every inflection the rules meet. */
export const SPEECH_VERBS = words(`
say says said saying tell tells told telling add adds added adding note notes noted noting
state states stated stating declare declares declared declaring insist insists insisted insisting
argue argues argued arguing claim claims claimed claiming explain explains explained explaining
warn warns warned warning stress stresses stressed stressing emphasize emphasizes emphasized emphasizing
emphasise emphasises emphasised emphasising underscore underscores underscored underscoring
underline underlines underlined underlining reiterate reiterates reiterated reiterating
remark remarks remarked remarking comment comments commented commenting confirm confirms confirmed confirming
deny denies denied denying announce announces announced announcing acknowledge acknowledges acknowledged
acknowledging admit admits admitted admitting concede concedes conceded conceding suggest suggests suggested
suggesting write writes wrote writing written tweet tweets tweeted tweeting post posts posted
respond responds responded responding reply replies replied replying contend contends contended contending
maintain maintains maintained maintaining assert asserts asserted asserting allege alleges alleged alleging
predict predicts predicted predicting promise promises promised promising vow vows vowed vowing
pledge pledges pledged pledging recall recalls recalled recalling report reports reported reporting
conclude concludes concluded concluding observe observes observed observing caution cautions cautioned
complain complains complained complaining lament laments lamented lamenting joke jokes joked joking
quip quips quipped boast boasts boasted testify testifies testified testifying reaffirm reaffirms
reaffirmed reaffirming restate restates restated restating reassert reasserts reasserted reasserting
repeat repeats repeated repeating signal signals signaled signalled signaling signalling indicate indicates
indicated indicating assure assures assured assuring reassure reassured reassuring counter countered
retort retorted hint hints hinted exclaim exclaimed shout shouted shouts recount recounted recounts
reveal reveals revealed revealing disclose discloses disclosed estimate estimates estimated
specify specifies specified clarify clarifies clarified inform informs informed informing
charge charges charged cry cries cried quotes
ask asks asked blurt blurts blurted wonder wonders wondered muse muses mused chime chimed
`);

/** Verbs that only introduce a quoted label: "called it “a disgrace”", never a reported clause. */
export const LABEL_VERBS = words(`
describe describes described describing call calls called calling brand brands branded branding
label labels labelled labeled labelling labeling dub dubs dubbed dubbing term terms termed
`);

/** Cognition verbs: speech cues only with a named subject and a clause, never with a direct quote alone. */
export const THINK_VERBS = words(`believe believes believed think thinks thought hope hopes hoped agree agrees agreed`);

/** Verbs that carry a position toward their object: "X rejected the plan" is a statement of X. */
export const STANCE_VERBS = words(`
reject rejects rejected rejecting welcome welcomes welcomed welcoming condemn condemns condemned condemning
denounce denounces denounced denouncing criticize criticizes criticized criticizing criticise criticises
criticised criticising dismiss dismisses dismissed dismissing slam slams slammed slamming
praise praises praised praising endorse endorses endorsed endorsing oppose opposes opposed opposing
reaffirm reaffirms reaffirmed reaffirming deny denies denied denying
`);

/** Phrasal speech cues: the verb and its particle ("pointed out", "went on"). */
export const SPEECH_PHRASES: ReadonlyArray<readonly [string, string]> = [
	['points', 'out'],
	['pointed', 'out'],
	['pointing', 'out'],
	['point', 'out'],
	['went', 'on'],
	['goes', 'on'],
	['blurted', 'out'],
	['spelled', 'out'],
	['summed', 'up'],
];

/** Phrasal stance cues: the verb and its particle. */
export const STANCE_PHRASES: ReadonlyArray<readonly [string, string]> = [
	['ruled', 'out'],
	['rules', 'out'],
	['ruling', 'out'],
	['rule', 'out'],
	['called', 'for'],
	['calls', 'for'],
	['calling', 'for'],
	['call', 'for'],
	['warned', 'against'],
	['warns', 'against'],
	['warning', 'against'],
];

/** Words between a subject and its verb that do not end the subject ("also said", "has repeatedly said"). */
export const VERB_ADVERBS = words(`
also later earlier previously repeatedly then again further once recently publicly privately separately
has have had would will was were is are be been did does do had already often frequently still
just only first last today yesterday tonight subsequently meanwhile reportedly allegedly confidently
explicitly clearly firmly flatly bluntly openly angrily quietly simply again newly
himself herself itself themselves personally
`);

/** Day and time words: "The Kremlin on Wednesday said", "Peskov told reporters Tuesday". */
export const TIME_WORDS = words(`
monday tuesday wednesday thursday friday saturday sunday weekend today yesterday tonight
morning afternoon evening night week month year day january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
`);

/** Pronouns that can be a speaker; "I" and "we" are not (they speak inside quotes). */
export const SPEAKER_PRONOUNS = words(`he she they it`);

/** Role nouns: a speaker phrase ending in one of these names an office, not a person. */
export const ROLE_NOUNS = words(`
spokesman spokeswoman spokesperson spokespeople minister president premier secretary chancellor ambassador
envoy chief leader head director general commander adviser advisor chairman chairwoman chair mayor
governor senator representative official officials diplomat diplomats negotiator secretary-general
prime deputy undersecretary commissioner king queen prince emir sheikh pm counterpart aide aides
lawmaker lawmakers mp mps legislator ruler rulers chief-of-staff attorney prosecutor judge justice
spokesperson delegate coordinator rapporteur administrator captain colonel general lieutenant
professor analyst expert economist scientist researcher lawyer candidate councillor councilor
`);

/** Title words that precede a name ("Foreign Minister Sergei Lavrov"): never part of the name itself. */
export const TITLE_WORDS = words(`
mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady prof prof. sen sen. rep rep. gov gov. gen gen. col col.
capt capt. lt lt. sgt sgt. president minister secretary spokesman spokeswoman spokesperson ambassador envoy
premier chancellor prime foreign defence defense interior finance trade deputy vice chief general
commander director senator governor mayor king queen prince princess emir sheikh leader chairman
chairwoman chair pope cardinal archbishop bishop rabbi imam ayatollah justice judge attorney officer
commissioner representative coach councillor councilor constable inspector superintendent sergeant
captain colonel lieutenant major admiral marshal speaker head undersecretary under-secretary
secretary-general then-president former acting interim incoming outgoing state national security
adviser advisor executive party mp mla mpp
`);

/** Words in a capitalised phrase that make it an organisation, not a person. */
export const ORG_WORDS = words(`
ministry kremlin department embassy office agency association union party committee commission government
court police service services bank institute university group inc inc. corp corp. company co. ltd board
guard army navy forces force coalition organization organisation council parliament senate congress
assembly administration authority authorities foundation federation league club team times post news
press network alliance nations fund secretariat cabinet presidency consulate mission delegation
command military ministries agencies centre center hospital school college society church diocese
institution tribunal bureau directorate corporation partners industries holdings
county province state city district region township island islands valley river lake mountains park street
avenue road hall square bridge airport station harbour harbor bay coast peninsula
`);

/** Determiners and function words that may start a sentence capitalised but are never part of a name. */
export const NOT_NAME = words(`
the a an this that these those but and or so yet still however meanwhile instead also then
in on at for with by from as after before when while if although though because since until
his her their its our my your some many several both all each every no one two three
it he she they we i you there here what which who whom whose why how where according
`);
