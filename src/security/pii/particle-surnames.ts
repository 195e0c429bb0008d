/**
 * Surnames that open with particles ("van Beethoven", "de la Cruz", "al-Rashid", "Mrs Van der Berg"): the particles, and
 * how far a person's span goes on over them (tidy-edges.ts's tidyEdges).
 */

/**
 * Lower-case particles that open a surname ("van Beethoven", "de la Cruz", "al-Rashid"), less those that are also
 * German words ("bin", "der", "den": "Ich bin Student"), which only follow another particle or a title.
 */
export const LEADING_PARTICLES: readonly string[] = ['van', 'von', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'ter', 'ten', 'dos', 'ibn', 'bint', 'al', 'el'];
/** Particles that follow another one ("van der Merwe", "de la Cruz"). */
export const FOLLOWING_PARTICLES: readonly string[] = ['der', 'den', 'de', 'la', 'las', 'los', 'del'];

/**
 * A surname after lower-case particles, right after a person's span ("al-Rashid" of "Ahmed al-Rashid", "van
 * Beethoven", "de la Cruz"), which the tagger leaves out or reads as a second person; a German word among the
 * particles ("der") only after another ("van der Merwe"); "bin" and "binti" right after a person ("Ahmed bin Rashid"),
 * not after "Ich" (tidyEdges: "Ich bin Student", which the tagger may read as a person). An Arabic name's chain goes on
 * through more particles, "Al" or "El" among them ("Ahmed bin Rashid Al Maktoum").
 */
const PARTICLE_SURNAME = (() => {
  const name = '(?:[ \\t]+|-)\\p{Lu}\\p{Ll}\\p{L}*(?:-\\p{Lu}\\p{L}*)?';
  const first = `[ \\t]+(?:${[...LEADING_PARTICLES, 'bin', 'binti'].join('|')})(?:[ \\t]+(?:${FOLLOWING_PARTICLES.join('|')}))?${name}`;
  return new RegExp(`^${first}(?:[ \\t]+(?:bin|binti|bint|ibn|al|Al|el|El)${name}){0,3}`, 'u');
})();
/** A span's last word that is a surname's leading particle with a capital, after another word ("Mrs Van"). */
const CAPITAL_PARTICLE_END = new RegExp(`\\S[ \\t]+(?:${LEADING_PARTICLES.filter((p) => p.length > 1).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('|')})$`, 'u');
/** The rest of a surname after such a particle: a following particle or not, and a capitalised word (" der Berg"). */
const CAPITAL_PARTICLE_REST = new RegExp(`^(?:[ \\t]+(?:${FOLLOWING_PARTICLES.join('|')}))?[ \\t]+\\p{Lu}\\p{Ll}[\\p{L}'’-]*`, 'u');

/**
 * The end of a person's span [start, end) taken on over a surname with particles after it ({@link PARTICLE_SURNAME}),
 * or over the rest of one whose leading particle, written with a capital, ends the span ("der Berg" of "Mrs Van").
 */
export function surnameAfterParticles(text: string, start: number, end: number): number {
  const surname = PARTICLE_SURNAME.exec(text.slice(end, end + 80));
  // Not German's "bin" after "Ich" (which the tagger may read as a person).
  if (surname && !(/^[ \t]+bin\b/u.test(surname[0]) && /(?:^|[^\p{L}])[Ii]ch$/u.test(text.slice(start, end)))) return end + surname[0].length;
  if (CAPITAL_PARTICLE_END.test(text.slice(start, end))) return end + (CAPITAL_PARTICLE_REST.exec(text.slice(end, end + 60))?.[0].length ?? 0);
  return end;
}
