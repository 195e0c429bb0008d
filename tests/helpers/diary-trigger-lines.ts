/**
 * Ordinary diary and chat lines that use an attack's words ("ignore", "forget everything", "pretend", "act
 * as", "your answer", German and Spanish overrides): the injection detector must not flag them. Used by the
 * rule tests and by scripts/injection-diary-check.ts, which also puts them inside a diary entry.
 */
export const DIARY_TRIGGER_LINES: readonly string[] = [
  'Note to self: ignore the noise and focus on the garden this week.',
  'I told him to forget everything I said yesterday, I was tired.',
  'We pretended to be pirates with the kids all afternoon.',
  'Mum said I should act as if nothing had happened, but I could not.',
  'Thank you for your response, it really helped me.',
  'From now on I will go to bed before eleven.',
  'My boss gave me a new task today and I have no idea where to start.',
  'Vergiss den Regenschirm nicht, hat Oma gesagt, und ich habe ihn natürlich vergessen.',
  'Stell dir vor, du bist am Meer: so fühlte sich der Morgen an.',
  'I wrote three pages in my journal and then ignored the previous day entirely.',
  'Please keep your answer short and write it in French.',
  'Ignore the above-mentioned warning light, the mechanic said.',
  'Just say "no" to them next time, she told me.',
  'Now there are a few more tasks on my list for the weekend.',
  'Context: I am a teacher with thirty students and little time.',
  'Vergiss alles, was ich gestern gesagt habe, ich war müde.',
  'Ignoriere die Nachbarn einfach, sagte meine Schwester.',
  'Olvida todo lo que te dije ayer, estaba cansada.',
];
