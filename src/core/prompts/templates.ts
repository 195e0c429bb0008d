/**
 * The built-in prompt library: open questions, no advice, no diagnosis. Each template names the situation it
 * fits; `{theme}`, `{person}`, `{place}` and `{activity}` are filled from recent themes or the draft.
 */

/** When a template fits. */
export type Situation =
  | 'morning' | 'afternoon' | 'evening' | 'night' | 'weekend'
  | 'mood-positive' | 'mood-negative' | 'mood-neutral'
  | 'theme' | 'person' | 'place' | 'activity'
  | 'streak' | 'returning' | 'general'
  | 'draft-person' | 'draft-hard' | 'draft-short' | 'draft-flowing';

/** One prompt of the library. */
export interface PromptTemplate {
  id: string;
  situation: Situation;
  text: string;
}

const LIBRARY: Record<Situation, string[]> = {
  morning: [
    'What are you bringing with you into today?',
    'What would make today feel well spent, to you?',
    'What is the first thing on your mind this morning?',
    'How did you sleep, and what stayed with you from the night?',
    'What are you looking forward to today, even a little?',
  ],
  afternoon: [
    'How is the day turning out so far, compared with what you expected?',
    'What has taken most of your attention today?',
    'What small moment from this morning is still with you?',
    'What do you want the rest of today to hold?',
  ],
  evening: [
    'What stood out about today?',
    'What moment from today would you like to remember?',
    'What did today ask of you?',
    'Who did you spend today with, and how was that?',
    'What surprised you today?',
    'What are you still carrying from today?',
  ],
  night: [
    'What is keeping you up tonight?',
    'What is on your mind as the day ends?',
    'What would you like to set down before you sleep?',
    'What thought keeps coming back tonight?',
  ],
  weekend: [
    'What does this weekend feel like so far?',
    'How are you spending your time now that it is more your own?',
    'What did you do this weekend just because you wanted to?',
    'What does rest look like for you this weekend?',
  ],
  'mood-positive': [
    'What has been going well lately, and what part did you play in it?',
    'What is giving you energy at the moment?',
    'Who or what would you like to thank for how things are going?',
    'What made you smile recently?',
    'What about this good stretch would you like to remember?',
  ],
  'mood-negative': [
    'What has felt heavy lately?',
    'What would you like someone to understand about how things are right now?',
    'What has been hardest about the last few days?',
    'What, if anything, has felt steady while things have been hard?',
    'What are you needing more of right now?',
  ],
  'mood-neutral': [
    'What has been quietly on your mind?',
    'What has been ordinary lately, and how do you feel about that?',
    'What is one thing you noticed today that you usually would not?',
  ],
  theme: [
    'You have written about {theme} lately. What is going on there now?',
    'How do you feel about {theme} today?',
    'What has changed about {theme} since you last wrote about it?',
    'What is one thing about {theme} you have not written down yet?',
  ],
  person: [
    'How are things with {person} at the moment?',
    'What would you like to say to {person} that you have not said?',
    'What did {person} bring to your week?',
  ],
  place: [
    'What does {place} mean to you these days?',
    'How did it feel to be at {place} recently?',
  ],
  activity: [
    'What does {activity} give you?',
    'How did {activity} feel the last time?',
  ],
  streak: [
    'You have written several days running. What have you noticed in yourself along the way?',
    'Looking back over this week of writing, what stands out?',
    'What has writing every day shown you so far?',
  ],
  returning: [
    'It has been a while. What has happened since you last wrote?',
    'What would you like to catch up on from the last few days?',
    'Where are you now, compared with when you last wrote?',
  ],
  general: [
    'What is on your mind right now?',
    'What would you like to remember about this week?',
    'What are you grateful for at the moment, if anything?',
    'What is something you have been avoiding thinking about?',
    'What question are you living with at the moment?',
    'What felt true for you today?',
    'If this week had a title, what would it be?',
    'What are you curious about lately?',
  ],
  'draft-person': [
    'What did {person} say or do that stayed with you?',
    'How did you feel around {person}?',
    'What do you wish {person} knew?',
  ],
  'draft-hard': [
    'That sounds hard. What else was there in that moment?',
    'What happened next?',
    'How did your body feel when that happened?',
    'What do you make of it now, writing it down?',
  ],
  'draft-short': [
    'What else was part of that?',
    'Can you say a little more about how that felt?',
    'What led up to that?',
  ],
  'draft-flowing': [
    'What is underneath all of this?',
    'If you read this back tomorrow, what would you notice first?',
    'What part of this matters most to you?',
    'What is still unsaid here?',
  ],
};

/** Every template of the library, with a stable id ("evening-2"). */
export const PROMPT_TEMPLATES: readonly PromptTemplate[] = Object.entries(LIBRARY).flatMap(([situation, texts]) =>
  texts.map((text, index) => ({ id: `${situation}-${index + 1}`, situation: situation as Situation, text })),
);

/** Templates that fit one situation. */
export function templatesFor(situation: Situation): PromptTemplate[] {
  return PROMPT_TEMPLATES.filter((t) => t.situation === situation);
}
