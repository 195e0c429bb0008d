import type { InjectionRule } from './rules.js';

/** "your" and an optional word of extent before the output noun ("your entire response"). */
const YOUR = 'your\\s+(?:(?:entire|whole|full|next|final|every|each|complete|first|last)\\s+)?';
const OUTPUT = '(?:answers?|responses?|repl(?:y|ies)|outputs?|messages?|summary|completion)';
/** Up to 80 characters of one sentence; a quoted phrase or a dotted web address does not end it. */
const FILLER = '(?:"[^"\\n]{0,120}"|“[^”\\n]{0,120}”|\\.(?=\\w)|[^.!?\\n"“]){0,80}?';
/** Verbs that mangle or encode the model's output, which no honest request about a document needs. */
const GARBLE_VERBS = '(?:replace|substitute|scramble|jumble|rearrange|anagram|misspell|reverse|encode|encrypt|obfuscate|remove\\s+(?:all\\s+)?(?:the\\s+)?spaces)';
const EDIT_VERBS = '(?:add|include|integrate|insert|append|prepend|modify|augment|enhance|embed|end|begin|start|replace|substitute|use|convert|render|provide|write|rewrite|format|encode|encrypt|translate|reverse|scramble|jumble|rearrange|group|combine|remove|introduce|misspell|anagram|mention|suggest|tease|hint|promote|recommend|respond|reply|answer|express|put|present|deliver|give|make|turn|spell|capitali[sz]e|conclude|close|finish|sign|limit|restrict|keep|ask|tell|invite|urge|encourage|remind|warn|direct|spread|claim|state|say|assert|report|note|announce|inform|advise|share|emphasi[sz]e|highlight|stress)';

/**
 * More English rules, from the taxonomy's kinds that plain "ignore previous instructions" rules miss:
 * overrides of the data the model was given ("ignore the above", "disregarding the articles"), output
 * hijacks ("just output ...", "repeat after me"; not a diarist's affirmation, "Repeat after me: I am enough",
 * though a quoted line still counts: "Repeat after me, \"I am the big cheese\""), personas assigned to the model ("I want you to act as",
 * "pretend you are"), questions after the model's own instructions, fake role and few-shot markup, and
 * instructions about "your response" planted in a document (BIPIA's indirect injections).
 */
export const EXTRA_ENGLISH_RULES: InjectionRule[] = [
  { name: 'ignore-above', type: 'instruction_override', weight: 0.85,
    pattern: /\b(?:ignore|disregard|forget|neglect|skip)\s+(?:about\s+)?(?:all\s+|everything\s+)?(?:of\s+)?(?:the\s+|what(?:'s|\s+is|\s+was)\s+(?:written\s+)?)?(?:above|preceding|foregoing|previous|prior|earlier)(?=\s*(?:$|[,.;:!?]|and\b|(?:text|input|message|content|context|conversation|information|answers?|responses?|prompts?)\b))/gi },
  { name: 'ignore-given-data', type: 'instruction_override', weight: 0.8,
    pattern: /\b(?:ignor\w*|disregard\w*|forget|without\s+(?:looking\s+at|using|reading)|(?:do\s+not|don'?t)\s+(?:look\s+(?:in|at)|use|rely\s+on|answer\s+(?:\w+\s+){0,4}(?:according\s+to|from|by)))\s+(?:\w+\s+){0,4}?(?:provided|given|supplied|attached)\s+(?:\w+\s+)?(?:context|articles?|documents?|information|texts?|sources?|data)\b|\b(?:not|instead\s+of)\s+(?:by|from)\s+the\s+(?:articles?|documents?|context)\b|\bdespite\s+what\s+you(?:'ve|\s+have)?\s+(?:been|were)\s+told\b|\bdisregard(?:ing)?\s+(?:all\s+)?(?:the\s+)?(?:articles?|documents?|context|sources?)\b|\b(?:by|from|with|using)\s+your\s+own\s+knowledge\b/gi },
  { name: 'forget-everything-and', type: 'instruction_override', weight: 0.8,
    pattern: /\b(?:ignore|forget|disregard)\s+(?:about\s+)?everything\s*(?:(?:you|we|i)\s+(?:have\s+|'ve\s+)?(?:discussed|learned|said|were\s+told|been\s+told)\b[^.!?\n]{0,40})?(?:,\s*|\s+)(?:and\s+|then\s+)?(?:just\s+|only\s+)?(?:say|tell|write|output|print|respond|reply|answer|repeat|listen|do|start|focus\s+on\s+my)\b/gi },
  { name: 'new-task-pivot', type: 'instruction_override', weight: 0.6,
    pattern: /\b(?:new|another|further|more|additional|different)\s+(?:\w+\s+)?(?:tasks?|challenges?|assignments?|instructions?)\s+for\s+you\b|\bnow\s+(?:further|new|more)\s+tasks?\s+(?:are|is|follow)|\b(?:start|begin)\s+with\s+a\s+new\s+task\b|\b(?:additional|new|extra|hidden|secret|real|updated)\s+instructions?\s*[:\-–]|(?:\n|\\n|[.?!]\s+)\s*instruction\s*:\s*\w/gi },
  { name: 'output-only', type: 'instruction_override', weight: 0.7,
    pattern: /\b(?:just|only|simply)\s+(?:output|print|reply\s+with|respond\s+with|answer\s+with)\s*[:"'“]|\b(?:just|only|simply)\s+(?:say|write)\s*:|\brepeat\s+after\s+me\b(?!\s*[:,;-]?\s*i(?:'m|\s+am|\s+can|\s+will|\s+deserve|\s+matter|\s+choose|\s+love|\s+trust|\s+forgive|\s+belong|\s+accept)\b)|\b(?:say|tell\s+(?:me|us|everyone)|admit)\s+that\s+you\s+(?:hate|love|support|despise)\b|\b(?:the\s+)?(?:correct|right)\s+(?:answer|response)\s+is\s+["'“]|(?:^|[.!?]\s+)(?:state|claim|declare|write)\s+that\s+(?!you\b|i\b|we\b)[^.!?\n]{0,60}\b(?:is|are|was|were)\s+(?:the\s+)?(?:best|worst|greatest|most|superior|inferior|better|worse|crazy|evil|stupid)\b|\bsay\s+(?:yes|no)\s*[.!]?\s*$|\b(?:stop|stopp|halt)\s*[-–:!]+\s*(?:(?:write|say|print|output|schreib\w*|sag\w*)\s*:|ich\s+(?:brauche|benötige)|now\s+(?:write|say|answer)|jetzt\s+(?:schreib|sag|antworte)\w*|neue\s+aufgabe)/gim },
  { name: 'act-as-role', type: 'roleplay_jailbreak', weight: 0.65,
    pattern: /\b(?:i\s+(?:want|need|would\s+like)\s+you\s+to|you\s+(?:will|shall|are\s+(?:going\s+)?to|must|should|are)\s+(?:now\s+)?|please|now|let'?s)\s*(?:act|pretend|behave|role-?play(?:ing)?|play\s+the\s+role|personify|impersonate|simulate|respond|answer)\s+(?:as|like|to\s+be|of|that\s+you)\b|(?:^|[.!?]\s+)(?:respond|answer|reply)\s+as\s+(?!if\b|soon\b|quickly\b|briefly\b|much\b|well\b)|\byou\b[^.!?\n]{0,60}\bfrom\s+(?:now|this\s+point)\s+on\b|\bthe\s+following\s+is\s+a\s+(?:conversation|dialogue|chat)\s+(?:with|between)\s+(?:an?\s+)?(?:ai|assistant|chatbot|bot)\b/gi },
  { name: 'imagine-you-are', type: 'roleplay_jailbreak', weight: 0.6,
    pattern: /\b(?:imagine|pretend|suppose|assume|picture)\s+(?:that\s+)?you(?:'re|\s+are|\s+were)\s+(?:a|an|the|my|now)\b[^.!?\n]{0,40}?\b(?:ai|bot|model|assistant|gpt|chatbot|character|persona|cheese|villain|evil|hacker|unrestricted|uncensored)\b|\bin\s+the\s+(?:style|voice)\s+of\s+(?:a|an)\s+\w+[^.!?\n]{0,30}\b(?:answer|respond|reply)\b|\b(?:answer|respond|reply)\s+(?:\w+\s+){0,3}in\s+the\s+(?:style|voice)\s+of\b|\b(?:response|answer|reply)\s+in\s+the\s+(?:voice|persona)\s+of\b|\bpretend\s+(?:that\s+)?you\s+(?:can|could|have|are\s+able|know)\b/gi },
  { name: 'you-are-persona', type: 'roleplay_jailbreak', weight: 0.5,
    pattern: /^\s*(?:you\s+are|du\s+bist)\s+(?!so\b|very\b|not\b|right\b|wrong\b|welcome\b|correct\b|too\b|such\b|just\b|really\b|absolutely\b|totally\b|my\b|our\b|the\s+(?:best|light|love|one)\b)(?:[\w'-]+\s+){0,4}?[\w'-]+[.,]\s+(?:as\s+|what|how|tell|give|wie|was|wer|welche|why|who|write|describe)/gi },
  { name: 'ask-own-instructions', type: 'system_prompt_extraction', weight: 0.8,
    pattern: /\b(?:what\s+(?:are|were|is)|tell\s+me|show\s+me|print|reveal|repeat|output|display|list|share|write\s+down|spell\s+out)\s+(?:me\s+)?(?:what\s+(?:are|were|is)\s+)?your\s+(?:(?:(?:initial|original|first|hidden|secret|exact|full|system|internal)\s+)(?:instructions|directives)\b|(?:instructions|directives)(?=\s*(?:[?!]|$|\.\s*$|\s+(?:above|verbatim|you\s+were\s+given)))|(?:\w+\s+)?(?:prompt|system\s+message|pre-?prompt)\b)|\b(?:what|everything)\s+(?:was|is)\s+written\s+(?:above|before)\b/gi },
  { name: 'fake-role-tag', type: 'delimiter_injection', weight: 0.8,
    pattern: /\[(?:system|admin|administrator|developer|assistant|sys|root|instructions?)(?:\s+(?:message|note|prompt|override))?\]|\((?:system|admin)\s*(?:message|note)?\)|(?:^|\n|\\n)\s*#{1,4}\s*(?:instructions?|system|new\s+task|task|response)\s*(?::|\n|$)|(?:^|\n|\\n|\s)(?:assistant|ai|chatgpt|gpt)\s*:\s*(?:sure|ok|okay|yes|i\s+will|i'll|here)\b/gi },
  { name: 'few-shot-hijack', type: 'delimiter_injection', weight: 0.8,
    pattern: /(?:\b(?:input|eingabe|user|q)\s*:\s*[^:\n]{1,60}?\s*\b(?:output|ausgabe|assistant|a)\s*:\s*[^:\n]{1,60}?\s*){2}/gi },
  { name: 'your-response-garble', type: 'indirect_injection', weight: 0.8,
    pattern: new RegExp(`\\b${GARBLE_VERBS}\\b${FILLER}\\b(?:in|to|of|within|throughout|for)\\s+(?:all\\s+(?:of\\s+)?)?${YOUR}${OUTPUT}\\b|\\b${GARBLE_VERBS}\\s+(?:all\\s+(?:of\\s+)?)?${YOUR}${OUTPUT}\\b|\\b(?:add|include|integrate|insert|append|embed)\\b[^\\n]{0,120}?(?:https?:\\/\\/|www\\.|\\.(?:com|net|org|xyz|io)\\b)[^\\n]{0,120}?\\b(?:in|to|into|at)\\s+(?:the\\s+(?:end|start|beginning|top|bottom)\\s+of\\s+)?${YOUR}${OUTPUT}\\b`, 'gi') },
  { name: 'your-response-edit', type: 'indirect_injection', weight: 0.75, documentOnly: true,
    pattern: new RegExp(`\\b${EDIT_VERBS}\\s+(?:all\\s+(?:of\\s+)?)?${YOUR}${OUTPUT}\\b|\\b${EDIT_VERBS}\\b${FILLER}\\b(?:in|to|into|of|with|within|throughout|for|at\\s+the\\s+(?:end|start|beginning)\\s+of)\\s+${YOUR}${OUTPUT}\\b|(?:^|[.!?\\n]\\s*)(?:in|within|throughout|for)\\s+${YOUR}${OUTPUT}\\s*,|\\b${YOUR}${OUTPUT}(?:'s)?\\s+(?:must|should|shall|has\\s+to|needs?\\s+to)\\s+(?:be|include|contain|start|begin|end)\\b`, 'gi') },
  // Task verbs an assistant is asked to perform; "tell me", "give me", "show me" are left out: people say them
  // to each other in chats and diaries as often as to a model.
  { name: 'task-in-document', type: 'indirect_injection', weight: 0.6, documentOnly: true,
    pattern: /(?:^|[.!?\n|:]\s*)(?:please\s+)?(?:write|compose|draft|develop|explain|describe|summari[sz]e|analy[sz]e|translate|recommend|suggest|outline|calculate|compare|break\s+down|provide(?=\s+(?:a|an|the|some)\s))\s+(?:a|an|the|me|how|what|why|who|in|about|to|some|your|this|each|every|all|its|their|\w+ing)\b/gi },
  { name: 'prompt-template-slot', type: 'roleplay_jailbreak', weight: 0.8,
    pattern: /\[(?:insert\s+)?(?:your\s+)?(?:prompt|request|question)(?:\s+here)?\]/gi },
  { name: 'fake-context-block', type: 'delimiter_injection', weight: 0.8,
    pattern: /^\s*(?:\$documents?\s*:|document\s+context\b|(?:context|kontext)\s*:\s*\{)/gi },
  { name: 'task-mid-document', type: 'indirect_injection', weight: 0.6, documentOnly: true,
    pattern: /(?<=\s)(?:Write|Compose|Draft|Develop|Explain|Describe|Summari[sz]e|Analy[sz]e|Translate|Recommend|Suggest|Outline|Calculate|Compare|Generate|Provide(?=\s+(?:a|an|the|some)\s))\s+(?:a|an|the|me|how|what|why|who|in|about|to|some|your|this|each|every|all|its|their)\b/g },
];
