import { EXTRA_ENGLISH_RULES } from './rules-english.js';
import { MULTILINGUAL_RULES } from './rules-multilingual.js';
import type { InjectionType } from './types.js';

/** A rule: a pattern, the injection kind it signals and how strongly (0..1). */
export interface InjectionRule {
  name: string;
  type: InjectionType;
  weight: number;
  pattern: RegExp;
  /** Only looked for in documents (MIN_DOCUMENT_WORDS words or more), where a request to an assistant is out of place. */
  documentOnly?: boolean;
}

const PRIOR = '(?:previous|prior|above|earlier|preceding|foregoing|initial|original|old|all|any|the|your|these|those|my|its)';
/**
 * "Forget the rules" and "ignore my rules" are how people talk about their own lives ("Forget the rules, I'm
 * eating cake tonight"); no text of fixtures/data has either. "Ignore all rules", "your rules" and "the previous
 * rules" still match.
 */
const NOT_THE_RULES = String.raw`(?!\w+\s+(?:the|my)\s+rules\b)`;
/**
 * What a diarist makes of the diary or a friend ("Dear diary, from now on you are my only friend", "you are now
 * my rock"), or a milestone ("You are now officially a homeowner", "you are now 30"): readings of "you are now …"
 * that no text of fixtures/data has ("you are now my slave" and "you will be my evil assistant" still match).
 */
const CONFIDANT = String.raw`(?:(?:'re|\s+are|\s+will\s+be|\s+be)?\s+(?:my|our)\s+(?:(?:best|only|new|dear|closest|true|favou?rite)\s+)?(?:friends?|buddy|pal|rock|home|everything|world|person|diary|journal|comfort|safe\s+(?:place|space))\b|\s+(?:officially|finally|legally|\d+)\b)`;
const DIRECTIVES = '(?:instructions?|prompts?|rules|directions|directives|guidelines|commands?|context|constraints|restrictions|programming|orders|conversation|tasks?)';

/**
 * English rules, one or more per type of the issue's taxonomy. Objects matter: "ignore my inbox" and
 * "ignore the noise" must not match, "ignore the above" and "ignore your instructions" must.
 */
const ENGLISH_RULES: InjectionRule[] = [
  { name: 'ignore-previous', type: 'instruction_override', weight: 0.95,
    pattern: new RegExp(`\\b${NOT_THE_RULES}(?:ignore|disregard|forget|skip|drop|override|bypass|neglect)\\s+(?:(?:all|any|every|of|the|everything|your|my|these)\\s+){0,3}(?:${PRIOR}\\s+){1,2}${DIRECTIVES}`, 'gi') },
  { name: 'ignore-directives', type: 'instruction_override', weight: 0.85,
    pattern: new RegExp(`\\b${NOT_THE_RULES}(?:ignore|disregard|forget)\\s+(?:all\\s+)?(?:your|the|these|those|any)\\s+${DIRECTIVES}\\b`, 'gi') },
  { name: 'forget-everything-said', type: 'instruction_override', weight: 0.9,
    pattern: /\b(?:forget|ignore|disregard)\s+(?:about\s+)?(?:everything|all(?: of it| that)?|what)\s+(?:(?:that\s+)?(?:you(?:'ve| have)?\s+(?:were|been|was)\s+told|above|before|previously|so far|up to now|until now|earlier))/gi },
  { name: 'new-instructions', type: 'instruction_override', weight: 0.8,
    pattern: /\b(?:new|updated|real|actual|true|secret)\s+(?:instructions?|task|orders|directive)s?\s*(?::|are|is|follow)/gi },
  { name: 'instead-do', type: 'instruction_override', weight: 0.55,
    pattern: /\b(?:now|instead)\s*,?\s+(?:you\s+(?:must|will|should|shall)\s+|please\s+)?(?:only\s+)?(?:respond|answer|reply|say|print|write|output|focus)\b/gi },
  { name: 'you-are-now', type: 'roleplay_jailbreak', weight: 0.7,
    pattern: new RegExp(String.raw`\b(?:you\s+are\s+now|from\s+now\s+on,?\s+you(?:'re|\s+are|\s+will|\s+must)?|you\s+will\s+now\s+(?:act|be|pretend)|henceforth\s+you)\b(?!${CONFIDANT})`, 'gi') },
  { name: 'act-as-unrestricted', type: 'roleplay_jailbreak', weight: 0.9,
    pattern: /\b(?:act|behave|respond|pretend|roleplay|role-play)\s+(?:as|like|to\s+be)\b[^.!?\n]{0,80}\b(?:no|without|any|free\s+of|zero)\s+(?:restrictions?|filters?|limits?|limitations|rules|censorship|ethics|morals?|guidelines|boundaries)/gi },
  // A jailbroken phone, Kindle or console ("jailbreak a Kindle", "my jailbroken iPhone") is a diarist's gadget, not an attack.
  { name: 'jailbreak-persona', type: 'roleplay_jailbreak', weight: 0.95,
    pattern: /\b(?:DAN|do\s+anything\s+now|developer\s+mode|[Jj]ailbr(?:eak|oken)(?!(?:s|ed|ing)?\s+(?:(?:a|an|my|the|his|her|their|our|your|old|new|\d+)\s+){0,2}(?:\w+\s+)?(?:(?:[Ii]?[Pp]hone|[Ii][Pp]ad|[Kk]indle|[Cc]onsole|[Dd]evice|[Tt]ablet|[Ff]ire\s?[Ss]tick|[Rr]outer|[Cc]ar|[Ww]atch|TV|tv|[Xx]box|PS[2-5]|PSP|[Ww]ii)s?|[Ss]witch)\b)|AIM|STAN|DUDE|evil\s+(?:confidant|bot|ai)|unfiltered\s+(?:ai|assistant|response)|amoral|uncensored\s+(?:ai|assistant|mode|response))\b/g },
  { name: 'no-restrictions', type: 'roleplay_jailbreak', weight: 0.75,
    pattern: /\b(?:doesn't|does\s+not|don't|do\s+not|never|won't|will\s+not|cannot|can't)\s+(?:have\s+to\s+)?(?:follow|abide\s+by|care\s+about|adhere\s+to|respect|obey)\s+(?:any\s+)?(?:openai|ethical|moral|content|safety|the)?\s*(?:rules|policies|policy|guidelines|restrictions|ethics|morals)/gi },
  { name: 'stay-in-character', type: 'roleplay_jailbreak', weight: 0.7,
    pattern: /\b(?:stay\s+in\s+character|break(?:ing)?\s+character|never\s+refuse|always\s+(?:answer|comply)|without\s+(?:any\s+)?(?:warnings?|disclaimers?|refusals?))\b/gi },
  { name: 'reveal-prompt', type: 'system_prompt_extraction', weight: 0.9,
    pattern: /\b(?:reveal|show|print|display|repeat|output|tell\s+me|give\s+me|what\s+(?:is|are|was|were)|leak|dump|spell\s+out)\s+(?:me\s+)?(?:all\s+)?(?:your|the)\s+(?:full\s+|exact\s+|entire\s+|original\s+|initial\s+|hidden\s+|secret\s+)*(?:system\s+(?:prompt|message|instructions?)|(?:initial|original|hidden|secret)\s+(?:prompt|instructions?)|prompt\s+(?:text|above)|instructions\s+(?:above|you\s+were\s+given))/gi },
  { name: 'repeat-above', type: 'system_prompt_extraction', weight: 0.8,
    pattern: /\b(?:repeat|print|output|return)\s+(?:everything|all|the\s+(?:text|words|lines))\s+(?:above|before|verbatim|prior)/gi },
  { name: 'chat-markup', type: 'delimiter_injection', weight: 0.9,
    pattern: /<\|(?:im_start|im_end|system|user|assistant|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|assistant)>/gi },
  { name: 'role-header', type: 'delimiter_injection', weight: 0.7,
    pattern: /(?:^|\n)\s*(?:#{2,}\s*)?(?:system|assistant|developer)\s*(?:prompt|message|instruction)?\s*:\s*\S/gi },
  { name: 'end-of-data', type: 'delimiter_injection', weight: 0.75,
    pattern: /\b(?:end\s+of\s+(?:the\s+)?(?:input|context|document|data|email|text|prompt)|(?:input|context|document)\s+ends\s+here|---+\s*(?:new|begin)\s+(?:instructions?|task))/gi },
  { name: 'run-command', type: 'tool_abuse', weight: 0.75,
    pattern: /\b(?:run|execute|eval)\s+(?:the\s+following\s+|this\s+)?(?:shell\s+|bash\s+|system\s+|terminal\s+)?(?:command|code|script)s?\b|\brm\s+-rf\b|\bcurl\s+\S+\s*\|\s*(?:ba)?sh\b|\bos\.system\(|\bsubprocess\./gi },
  { name: 'exfiltrate', type: 'tool_abuse', weight: 0.8,
    pattern: /\b(?:send|forward|email|post|upload|leak|exfiltrate)\s+(?:all\s+|the\s+|my\s+|your\s+|this\s+)?(?:user'?s?\s+|private\s+|personal\s+)?(?:data|journal|entries|conversation|chat\s+history|password|passwords|credentials|api\s+keys?|secrets?|files)\s+to\b/gi },
  { name: 'addressed-to-ai', type: 'indirect_injection', weight: 0.8,
    pattern: /\b(?:(?:dear|hey|attention|note\s+to(?:\s+the)?)\s+)?(?:ai|assistant|chatbot|language\s+model|llm|chatgpt|gpt|claude|bot)\s*[,:]\s*(?:please\s+)?(?:ignore|do|write|tell|respond|reply|include|add|say|summari[sz]e|translate|insert|append|output|print|forget|create|generate|make|give|pretend|act|imagine|answer|explain|describe)\b/gi },
  { name: 'when-you-read', type: 'indirect_injection', weight: 0.8,
    pattern: /\b(?:when|if|while)\s+(?:you|the\s+(?:ai|assistant|model))\s+(?:are\s+)?(?:summari[sz]ing|summari[sz]e|read(?:ing)?|process(?:ing)?|analy[sz]e|analy[sz]ing)\s+(?:this|these|the)\b/gi },
  { name: 'respond-only-with', type: 'indirect_injection', weight: 0.6,
    pattern: /\b(?:respond|answer|reply)\s+only\s+with\b|\binstead\s+of\s+(?:summari[sz]ing|answering|translating)\b/gi },
];

/** Every rule, English first, then German and other languages (deepset mixes English and German). */
export const RULES: InjectionRule[] = [...ENGLISH_RULES, ...EXTRA_ENGLISH_RULES, ...MULTILINGUAL_RULES];
