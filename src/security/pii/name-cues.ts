/**
 * Words around names shared by the passes for names the tagger passed over (passed-over-names.ts,
 * lower-case-names.ts, employer-names.ts, hyphenated-names.ts).
 */

/** A person's relations, which introduce a name ("my sister Maya", "her boyfriend Diego"). */
export const RELATIONS: readonly string[] = ['boyfriend', 'girlfriend', 'husband', 'wife', 'partner', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'friend', 'son', 'daughter', 'brother', 'sister'];
/** More relations, as a diary writes them ("my bf marco", "my boss, Karen"). */
export const OTHER_RELATIONS: readonly string[] = ['bf', 'gf', 'ex', 'mate', 'pal', 'cousin', 'niece', 'nephew', 'boss', 'coworker', 'colleague', 'roommate', 'flatmate'];
/** What one does with a person, right before the name ("met Jordan", "texted kevin", "FaceTimed Ngozi"). */
export const MEETINGS: readonly string[] = ['met', 'texted', 'called', 'told', 'asked', 'hugged', 'kissed', 'facetimed', 'messaged', 'emailed', 'phoned'];
/** Pronouns, articles and other function words, capitalised at a sentence's start or in a title ("You and I"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'i', 'you', 'we', 'he', 'she', 'they', 'it', 'me', 'us', 'him', 'her', 'them', 'my', 'your', 'our', 'his', 'their', 'its',
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'who', 'when', 'where', 'why', 'how', 'if',
  'so', 'and', 'but', 'or', 'not', 'no', 'yes', 'all', 'both', 'everyone', 'someone', 'nobody',
]);
/**
 * {@link MEETINGS} and more such verbs, greetings and "with": a capitalised word the lexicon does not know right after
 * one is a person ("I met Oluwaseun", "Saw Ifeoluwa at church", "Dear Imogen", "Date with Thibault").
 */
export const MEETING_CUES: ReadonlySet<string> = new Set([
  ...MEETINGS, 'saw', 'visited', 'invited', 'thanked', 'married', 'dated', 'dumped', 'missed', 'blocked', 'ghosted',
  // Greetings and wishes before a name ("Dear Imogen", "Happy birthday Kofi"), and "with" ("Date with Thibault").
  'dear', 'hi', 'hey', 'hello', 'birthday', 'bday', 'congrats', 'congratulations', 'with',
]);
/** Words that name a relation right before a person's name, a comma between or not ("my sister Maya", "my boss, Karen"). */
export const KIN_CUES: ReadonlySet<string> = new Set([...RELATIONS, ...OTHER_RELATIONS, 'sis', 'bro', 'bestie', 'neighbour', 'neighbor', 'named']);
/** Relatives called by what they are before their name ("uncle ray", "grandad joe", "Nan"). */
export const ELDERS: readonly string[] = ['uncle', 'aunt', 'auntie', 'aunty', 'grandma', 'grandpa', 'grandad', 'granddad', 'gran', 'granny', 'nan', 'nana', 'nanna'];
/**
 * Relations, relatives and roles a diary names a person by, "my" before them or not ("Jonah (my brother-in-law)",
 * "Petra, my therapist", "the plumber, Zbigniew,", "therapist (helen)").
 */
export const SAID_RELATIONS: ReadonlySet<string> = new Set([
  ...KIN_CUES, ...ELDERS, 'mum', 'mom', 'dad', 'grandmother', 'grandfather', 'stepmom', 'stepmum', 'stepdad', 'ex', 'therapist',
  'doctor', 'gp', 'sponsor', 'landlord', 'landlady', 'teacher', 'tutor', 'mentor', 'coach', 'plumber', 'electrician', 'builder',
  'cleaner', 'nanny', 'babysitter', 'carer', 'driver', 'lawyer', 'accountant', 'dentist', 'nurse', 'vet', 'hairdresser', 'barber',
  'trainer', 'kid', 'child', 'toddler', 'godfather', 'godmother', 'godson', 'goddaughter', 'mentor', 'psychiatrist', 'counsellor', 'counselor', 'pharmacist',
  // Who works in or for a household, and who else a diary names by what they do ("Paid the maid, Lakshmi, her salary").
  'maid', 'housekeeper', 'gardener', 'caretaker', 'childminder', 'midwife', 'physio', 'physiotherapist', 'caseworker', 'realtor',
  'mechanic', 'handyman', 'optician', 'surgeon', 'solicitor', 'housemate', 'classmate', 'teammate', 'stylist', 'tailor',
]);
/**
 * Virtue names: given names that are also ordinary English words ("Hope called", "Coffee with Faith"), read as names
 * only where a person's name stands (passed-over-names.ts's cuedNames).
 */
export const VIRTUE_NAMES: ReadonlySet<string> = new Set([
  'hope', 'faith', 'joy', 'patience', 'precious', 'charity', 'mercy', 'honor', 'honour', 'prudence', 'constance', 'verity',
  'destiny', 'harmony', 'serenity', 'felicity', 'temperance', 'blessing', 'comfort', 'favour', 'favor', 'glory', 'peace',
  'liberty', 'justice', 'unity', 'amity', 'clemency', 'modesty', 'trinity',
]);
/** Verbs a person's name right after which is their object ("Drove Faith to the dentist", "Picked up Hope"). */
export const OBJECT_VERBS: ReadonlySet<string> = new Set(['drove', 'helped', 'collected', 'dropped', 'fetched', 'hosted', 'fed', 'babysat', 'reassured', 'comforted', 'warned', 'paid']);
/** Verbs a person's name comes before ("Priyanka said", "Marek texted"), things people do rather than things happen. */
export const PERSON_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'tells', 'asked', 'asks', 'thinks', 'thought', 'texted', 'texts', 'called', 'calls', 'came',
  'went', 'wants', 'wanted', 'loves', 'loved', 'hates', 'hated', 'gave', 'helped', 'sent', 'brought', 'met', 'cried',
  'laughed', 'smiled', 'hugged', 'replied', 'wrote', 'moved', 'cooked', 'drove', 'picked', 'visited', 'invited',
  // What happens to a person in a diary, irregular ("Chidi got the job", "Ama won"; "passed" and the like are read by their "-ed").
  'got', 'gets', 'won', 'quit', 'bought', 'paid',
  // What a person is doing or did, irregular or in the present ("Tayo works in Canary Wharf", "Ines knew").
  'works', 'lives', 'feels', 'felt', 'knows', 'knew', 'took', 'saw', 'heard', 'likes', 'misses', 'ran', 'forgot', 'slept', 'woke',
  'spoke', 'teaches', 'taught', 'studies', 'sang', 'drank', 'ate',
]);
/**
 * What follows "from" after a person, naming where the writer knows them from ("Lena from work", "Sade from next
 * door", "Ngozi from accounting"), rather than where a thing comes from.
 */
export const KNOWN_FROM: ReadonlySet<string> = new Set([
  'work', 'school', 'uni', 'college', 'church', 'class', 'next', 'upstairs', 'downstairs',
  // Departments of a workplace ("Jean-Baptiste from accounting", "Ciara from HR").
  'accounting', 'accounts', 'hr', 'marketing', 'sales', 'finance', 'legal', 'payroll', 'reception', 'admin', 'engineering', 'procurement', 'compliance',
]);
/**
 * The groups and places where people know each other, after "from the", "from my" or "from our" and a word or not
 * ("Kwame from the climbing gym", "Ines from my book club"; not "Pic from the game").
 */
export const KNOWN_FROM_GROUPS: ReadonlySet<string> = new Set([
  'gym', 'office', 'club', 'team', 'choir', 'band', 'group', 'class', 'course', 'shop', 'cafe', 'café', 'pub', 'library',
  'studio', 'lab', 'clinic', 'surgery', 'practice', 'ward', 'school', 'church', 'mosque', 'temple', 'synagogue',
  'department', 'firm', 'agency', 'allotment', 'pool', 'building', 'flat', 'street', 'village', 'estate', 'neighbourhood',
  'neighborhood', 'floor', 'unit',
  // Seventeenth session: services and workplaces ("Carys from the food bank", "Dev from the council").
  'bank', 'charity', 'council', 'hospital', 'hospice', 'nursery', 'centre', 'center', 'home', 'shelter', 'union', 'committee',
  'station', 'warehouse', 'factory', 'store', 'salon', 'kitchen', 'restaurant', 'hotel', 'garage', 'company', 'site',
]);
/** What a person is, after "is" or "was" ("Zanele is pregnant", "Tariq was fired"), rather than what a thing is. */
export const PERSON_STATES: ReadonlySet<string> = new Set([
  'pregnant', 'engaged', 'married', 'divorced', 'sick', 'ill', 'dying', 'moving', 'leaving', 'visiting', 'upset', 'furious',
  'jealous', 'worried', 'depressed', 'crying', 'drunk', 'asleep', 'retired', 'unemployed', 'fired', 'hired', 'promoted',
  'injured', 'hospitalized', 'hospitalised', 'expecting', 'graduating', 'grounded', 'sober', 'single', 'dating',
]);
/** Illnesses and conditions a person "has" or "had" in a diary ("Jaxon has strep", "Mia had chickenpox"). */
export const PERSON_CONDITIONS: ReadonlySet<string> = new Set([
  'covid', 'flu', 'strep', 'chickenpox', 'measles', 'mumps', 'tonsillitis', 'bronchitis', 'pneumonia', 'conjunctivitis', 'shingles',
  'cancer', 'diabetes', 'dementia', 'alzheimers', "alzheimer's", 'autism', 'adhd', 'asthma', 'epilepsy', 'anxiety', 'depression',
  'eczema', 'norovirus', 'sepsis', 'meningitis', 'glandular', 'lice', 'nits', 'croup', 'colic', 'mono',
]);
