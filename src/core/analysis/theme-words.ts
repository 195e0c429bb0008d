/** Word lists that help the theme extractor decide what a noun or a gerund is about. */

/** Nouns that name a person by relation rather than by name ("mum", "my manager"). */
export const RELATION_WORDS: ReadonlySet<string> = new Set([
  'mum', 'mom', 'mother', 'dad', 'father', 'parents', 'sister', 'brother', 'son', 'daughter', 'wife', 'husband',
  'partner', 'boyfriend', 'girlfriend', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'aunt', 'uncle',
  'cousin', 'niece', 'nephew', 'baby', 'kids', 'kid', 'boss', 'manager', 'colleague', 'coworker', 'teacher',
  'therapist', 'doctor', 'neighbour', 'neighbor', 'roommate', 'flatmate', 'friend', 'friends', 'team',
]);

/** Nouns that name a kind of place ("the gym", "home"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set([
  'home', 'office', 'gym', 'park', 'beach', 'cafe', 'café', 'coffee shop', 'library', 'school', 'university',
  'hospital', 'church', 'garden', 'kitchen', 'bedroom', 'restaurant', 'pub', 'bar', 'station', 'airport',
  'mountains', 'mountain', 'lake', 'river', 'forest', 'woods', 'city', 'town', 'village', 'studio', 'pool',
  'market', 'shop', 'store', 'clinic', 'campus', 'countryside', 'seaside', 'coast',
]);

/** Gerunds that name an activity someone does ("running", "painting"), not a state of mind. */
export const NON_ACTIVITY_GERUNDS: ReadonlySet<string> = new Set([
  'being', 'having', 'doing', 'going', 'getting', 'thinking', 'feeling', 'trying', 'looking', 'making', 'saying',
  'starting', 'keeping', 'coming', 'taking', 'telling', 'seeing', 'wanting', 'knowing', 'putting', 'letting',
  'leaving', 'waiting', 'wondering', 'worrying', 'needing', 'using', 'finding', 'giving', 'talking', 'asking',
  'everything', 'nothing', 'something', 'anything', 'morning', 'evening', 'thing', 'spring', 'ceiling',
  'beginning', 'ending', 'meaning', 'setting', 'building', 'feelings', 'seeming', 'becoming', 'happening',
]);

/**
 * Nouns too general to be a theme in any journal. They act as if present in every entry of the corpus, so
 * even a new journal does not report "today" or "thing" as what it is about.
 */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set([
  'today', 'tomorrow', 'yesterday', 'tonight', 'day', 'days', 'time', 'times', 'thing', 'things', 'lot', 'lots',
  'way', 'bit', 'stuff', 'kind', 'sort', 'something', 'anything', 'everything', 'nothing', 'someone', 'anyone',
  'everyone', 'people', 'person', 'week', 'month', 'year', 'hour', 'minute', 'moment', 'morning', 'afternoon',
  'evening', 'night', 'weekend', 'while', 'end', 'start', 'part', 'point', 'fact', 'idea', 'reason', 'place',
  'side', 'number', 'couple', 'case', 'sense', 'feeling', 'feelings', 'mind', 'head', 'life', 'world', 'self',
  'yes', 'no', 'ok', 'okay', 'lol', 'one', 'ones', 'other', 'others', 'rest', 'kinda', 'sorta', 'journal', 'entry',
]);
