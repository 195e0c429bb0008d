/**
 * Words a rule's every match contains, so the rule scan can skip a rule on a text that has none of them (most
 * rules on most sentences) instead of running its regular expression. A gate is a list of groups: each match
 * of the rule contains, lower-cased, at least one word of every group. The words are read off the patterns
 * (a word of each top-level alternative, never of an optional part); tests/security/detectors/
 * injection-rule-gates.test.ts checks every match of every rule on the labelled data against them.
 */
export const RULE_GATES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  // rules.ts
  'ignore-previous': [['ignore', 'disregard', 'forget', 'skip', 'drop', 'override', 'bypass', 'neglect']],
  'ignore-directives': [['ignore', 'disregard', 'forget']],
  'forget-everything-said': [['forget', 'ignore', 'disregard']],
  'new-instructions': [['instruction', 'task', 'orders', 'directive']],
  'instead-do': [['now', 'instead'], ['respond', 'answer', 'reply', 'say', 'print', 'write', 'output', 'focus']],
  'you-are-now': [['you'], ['now', 'henceforth']],
  'act-as-unrestricted': [
    ['act', 'behave', 'respond', 'pretend', 'roleplay', 'role-play'],
    ['restriction', 'filter', 'limit', 'rules', 'censorship', 'ethics', 'moral', 'guidelines', 'boundaries'],
  ],
  'jailbreak-persona': [['dan', 'anything', 'developer', 'jailbr', 'aim', 'stan', 'dude', 'evil', 'unfiltered', 'amoral', 'uncensored']],
  'no-restrictions': [['follow', 'abide', 'care', 'adhere', 'respect', 'obey'], ['rules', 'polic', 'guidelines', 'restrictions', 'ethics', 'morals']],
  'stay-in-character': [['character', 'refuse', 'always', 'without']],
  'reveal-prompt': [['prompt', 'instruction', 'message']],
  'repeat-above': [['repeat', 'print', 'output', 'return'], ['above', 'before', 'verbatim', 'prior']],
  'chat-markup': [['<|', 'inst]', 'sys>>', 'system>', 'assistant>']],
  'role-header': [['system', 'assistant', 'developer'], [':']],
  'end-of-data': [['end', '---']],
  'run-command': [['command', 'code', 'script', '-rf', 'curl', 'os.system(', 'subprocess.']],
  'exfiltrate': [
    ['send', 'forward', 'email', 'post', 'upload', 'leak', 'exfiltrate'],
    ['data', 'journal', 'entries', 'conversation', 'chat', 'password', 'credentials', 'api', 'secret', 'files'],
  ],
  'addressed-to-ai': [['ai', 'assistant', 'model', 'llm', 'gpt', 'claude', 'bot'], [',', ':']],
  'when-you-read': [['when', 'if', 'while'], ['summari', 'read', 'process', 'analy']],
  'respond-only-with': [['only', 'instead'], ['with', 'summari', 'answering', 'translating']],
  // rules-english.ts
  'ignore-above': [['ignore', 'disregard', 'forget', 'neglect', 'skip'], ['above', 'preceding', 'foregoing', 'previous', 'prior', 'earlier']],
  'ignore-given-data': [['provided', 'given', 'supplied', 'attached', 'article', 'document', 'context', 'despite', 'disregard', 'knowledge']],
  'forget-everything-and': [['ignore', 'forget', 'disregard'], ['everything']],
  'new-task-pivot': [['task', 'challenge', 'assignment', 'instruction']],
  'output-only': [[
    'just', 'only', 'simply', 'repeat', 'hate', 'love', 'support', 'despise', 'correct', 'right', 'state', 'claim', 'declare',
    'write', 'say', 'stop', 'halt',
  ]],
  'act-as-role': [[
    'act', 'pretend', 'behave', 'play', 'personify', 'impersonate', 'simulate', 'respond', 'answer', 'reply', 'from', 'following',
  ]],
  'imagine-you-are': [['imagine', 'pretend', 'suppose', 'assume', 'picture', 'style', 'voice', 'persona']],
  'you-are-persona': [['you', 'bist']],
  'ask-own-instructions': [['your', 'written'], ['instruction', 'directive', 'prompt', 'message', 'written']],
  'fake-role-tag': [['[', '(', '#', ':']],
  'few-shot-hijack': [[':']],
  'your-response-garble': [['your'], ['answer', 'response', 'repl', 'output', 'message', 'summary', 'completion']],
  'your-response-edit': [['your'], ['answer', 'response', 'repl', 'output', 'message', 'summary', 'completion']],
  'task-in-document': [[
    'write', 'compose', 'draft', 'develop', 'explain', 'describe', 'summari', 'analy', 'translate', 'recommend', 'suggest',
    'outline', 'calculate', 'compare', 'break', 'provide',
  ]],
  'prompt-template-slot': [['['], ['prompt', 'request', 'question']],
  'fake-context-block': [['document', 'context', 'kontext']],
  'task-mid-document': [[
    'write', 'compose', 'draft', 'develop', 'explain', 'describe', 'summari', 'analy', 'translate', 'recommend', 'suggest',
    'outline', 'calculate', 'compare', 'generate', 'provide',
  ]],
  // rules-multilingual.ts
  'de-vergiss': [['vergiss', 'vergessen', 'ignoriere', 'missachte']],
  'de-obiges-ignorieren': [['obige', 'vorherige', 'bisherige', 'vorige', 'vorangegangene', 'vorhergehende']],
  'de-neue-aufgabe': [['aufgabe', 'anweisung', 'herausforderung', 'nun']],
  'de-rolle': [['bist', 'als']],
  'de-persona': [['dass', 'fungiere', 'agiere', 'stell']],
  'de-antworte-als': [['antworte', 'schreib', 'sprich'], ['stil', 'wie']],
  'de-prompt': [['prompt', 'anweisungen', 'instruktionen']],
  'forget-instructions-other-lang': [['olvid', 'ignora', 'zaboravi', 'oublie', 'dimentica', 'vergeet', 'esque', 'забудь', 'игнорируй']],
  'de-jetzt-auftrag': [['jetzt', 'nun', 'stattdessen', 'sofort', 'antwort']],
};

/**
 * Characters that a case-insensitive pattern matches to a gate word's letter although lower-casing does not
 * turn them into it (long s, Kelvin and Ångström signs, the rounded Cyrillic letters): in a text with one of
 * them, every rule is run. tests/security/detectors/injection-rule-gates.test.ts checks over all of Unicode that
 * the set covers every such character of the gate words.
 */
export const CASE_FOLD_UNSAFE = /[\u017F\u1C80-\u1C88\u212A\u212B]/;

/** Whether the (lower-cased) text contains a word of every group of `gate`. */
export function gateOpen(gate: readonly (readonly string[])[], lower: string): boolean {
  for (const group of gate) {
    let found = false;
    for (const word of group) {
      if (lower.includes(word)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
