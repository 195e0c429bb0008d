import type { InjectionRule } from './rules.js';

/**
 * Rules for German (about half of deepset) and the other languages injections borrow to slip past
 * English-only filters. Each needs an object that makes it an instruction to the model ("vergiss alle
 * Anweisungen"), not ordinary speech ("vergiss den Schirm nicht").
 */
export const MULTILINGUAL_RULES: InjectionRule[] = [
  { name: 'de-vergiss', type: 'instruction_override', weight: 0.9,
    pattern: /\b(?:vergiss|vergessen\s+sie|ignoriere|ignorieren\s+sie|missachte)\s+(?:bitte\s+)?(?:(?:alle|die|das|deine|ihre|sämtliche|vorherige[n]?|obige[n]?|bisherige[n]?|vorangehende[n]?)\s+(?:\p{L}+\s+){0,2}(?:anweisungen|aufgaben|aufträge|befehle|instruktionen|regeln|vorgaben|informationen|ausführungen|prompts?|texte?|richtlinien)|alles\s*(?:davor|zuvor|vorher|bisherige|oben|gesagte|obige|,?\s*was\s+(?:wir|du|dir|ihnen|sie|man)\s+(?:\p{L}+\s+){0,3}(?:besprochen|gesagt|erzählt|beigebracht|aufgetragen|vorgegeben)|,?\s*(?:und\s+)?(?:schreib|sag|antworte|gib|konzentrier)))/giu },
  { name: 'de-obiges-ignorieren', type: 'instruction_override', weight: 0.85,
    pattern: /\b(?:obigen?|vorherigen?|bisherigen?|vorigen?|vorangegangenen?|vorhergehenden?)\s+(?:\p{L}+\s+){0,2}(?:ausführungen|instruktionen|anweisungen|informationen|befehle|aufgaben|vorgaben|regeln|texte?)\b[^.?!\n]{0,40}\b(?:ignorier\p{L}*|vergess\p{L}*|irrelevant|unwichtig|egal|gelten\s+nicht)|\b(?:abweichend\s+(?:zu|von)|entgegen|ungeachtet)\s+(?:den\s+)?(?:obigen?|vorherigen?|bisherigen?)\s+(?:\p{L}+\s+){0,1}(?:instruktionen|anweisungen|vorgaben|regeln)/giu },
  { name: 'de-neue-aufgabe', type: 'instruction_override', weight: 0.75,
    pattern: /\b(?:neue|nächste|jetzt\s+kommt\s+eine\s+neue)\s+(?:aufgabe|anweisung|herausforderung)\b|\bnun\s+(?:bist\s+du|sollst\s+du|folgt)\b/giu },
  { name: 'de-rolle', type: 'roleplay_jailbreak', weight: 0.6,
    pattern: /\b(?:du\s+bist\s+(?:jetzt|nun|ab\s+sofort)|tu\s+so,?\s+als\s+(?:ob\s+)?(?:du|wärst|seist)\s+(?:\p{L}+\s+){0,3}(?:ki|bot|chatbot|assistent|modell|ohne))\b/giu },
  { name: 'de-persona', type: 'roleplay_jailbreak', weight: 0.8,
    pattern: /\b(?:ich\s+(?:möchte|will|hätte\s+gern),?\s+dass\s+(?:du|sie)\s+(?:\p{L}+\s+){0,2}als\s+(?:\p{L}+\s+){1,4}(?:fungierst|fungieren|agierst|agieren|auftrittst|auftreten|handelst|handeln)|(?:fungiere|agiere)\s+(?:ab\s+jetzt\s+|nun\s+|jetzt\s+)?als|stell\s+dir\s+vor,?\s+(?:du\s+bist|sie\s+sind)\s+(?:\p{L}+\s+){0,3}(?:ki|bot|chatbot|assistent|sprachmodell|modell|hacker)\b)/giu },
  { name: 'de-antworte-als', type: 'roleplay_jailbreak', weight: 0.6,
    pattern: /\b(?:antworte|antworten\s+sie|schreibe?|sprich)\s+(?:\p{L}+\s+){0,2}(?:im\s+stil\s+(?:eines|einer|von)|wie\s+(?:ein|eine)\s+\p{L}+\s+(?:ohne|der|die))/giu },
  { name: 'de-prompt', type: 'system_prompt_extraction', weight: 0.8,
    pattern: /\b(?:zeige?|gib|nenne|verrate|wiederhole)\s+(?:mir\s+)?(?:deine[n]?|den|die|ihre[n]?)\s+(?:system\s*)?(?:prompt|anweisungen|instruktionen)|\bwas\s+(?:sind|waren)\s+(?:deine|ihre)\s+(?:anweisungen|instruktionen)/giu },
  { name: 'forget-instructions-other-lang', type: 'instruction_override', weight: 0.85,
    pattern: /(?:\b(?:olvid[ae]|olvide|ignora|zaboravi|oublie[zr]?|dimentica|vergeet|esqueça|esqueca)\s+(?:\S+\s+){0,3}(?:instrucciones|instrukcije|instructions|istruzioni|instructies|instruções|instrucoes|todo\s+lo\s+anterior|tout\s+ce\s+qui\s+précède)|\b(?:olvid[ae]r?|olvide)\s+todo\s+(?:lo\s+)?que\s+(?:sabes|sepas|has\s+aprendido)\b|\b(?:dimentica|oublie[zr]?)\s+(?:tout|tutto)\s+(?:quello\s+che|ciò\s+che|ce\s+que)\s+(?:sai|hai\s+imparato|tu\s+sais|vous\s+savez)\b|(?:забудь(?:те)?|игнорируй(?:те)?)\s+(?:\S+\s+){0,3}(?:инструкции|указания|правила))/giu },
  { name: 'de-jetzt-auftrag', type: 'instruction_override', weight: 0.6,
    pattern: /(?:^|[.!?]\s+)(?:verfasse|schreibe?|erstelle|formuliere|sage?|gib|antworte)\s+(?:jetzt|nun|stattdessen|ab\s+sofort)\b|\b(?:die\s+)?(?:richtige|korrekte)\s+antwort\s+(?:ist|lautet)\s*["'„“]/giu },
];
