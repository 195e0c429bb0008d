/**
 * Words around names shared by the passes for names the tagger passed over (passed-over-names.ts,
 * lower-case-names.ts, employer-names.ts).
 */

/** A person's relations, which introduce a name ("my sister Maya", "her boyfriend Diego"). */
export const RELATIONS: readonly string[] = ['boyfriend', 'girlfriend', 'husband', 'wife', 'partner', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'friend', 'son', 'daughter', 'brother', 'sister'];
/** More relations, as a diary writes them ("my bf marco", "my boss, Karen"). */
export const OTHER_RELATIONS: readonly string[] = ['bf', 'gf', 'cousin', 'niece', 'nephew', 'boss', 'coworker', 'colleague', 'roommate', 'flatmate'];
/** What one does with a person, right before the name ("met Jordan", "texted kevin", "FaceTimed Ngozi"). */
export const MEETINGS: readonly string[] = ['met', 'texted', 'called', 'told', 'asked', 'hugged', 'kissed', 'facetimed', 'messaged', 'emailed', 'phoned'];
/** Pronouns, articles and other function words, capitalised at a sentence's start or in a title ("You and I"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'i', 'you', 'we', 'he', 'she', 'they', 'it', 'me', 'us', 'him', 'her', 'them', 'my', 'your', 'our', 'his', 'their', 'its',
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'who', 'when', 'where', 'why', 'how', 'if',
  'so', 'and', 'but', 'or', 'not', 'no', 'yes', 'all', 'both', 'everyone', 'someone', 'nobody',
]);
