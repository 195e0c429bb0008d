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

/** Every distinct gate word, and each rule's gate as groups of indices into it. */
const WORDS = [...new Set(Object.values(RULE_GATES).flat(2))];
const WORD_INDEX = new Map(WORDS.map((w, i) => [w, i]));
const GATE_IDS = new Map(Object.entries(RULE_GATES).map(([name, gate]) => [name, gate.map((g) => Int32Array.from(g, (w) => WORD_INDEX.get(w)!))]));

/** Small alphabet of the gate words' characters (0 for any other UTF-16 code unit). */
const CLASS = new Uint8Array(0x10000);
let classes = 1;
for (const ch of WORDS.join('')) if (!CLASS[ch.charCodeAt(0)]) CLASS[ch.charCodeAt(0)] = classes++;

/** Aho-Corasick automaton over the gate words, as a full transition table, and the words ending at each state. */
function buildAutomaton(): { next: Int32Array; out: (Int32Array | undefined)[] } {
  const children: number[][] = [new Array<number>(classes).fill(-1)];
  const ends: number[][] = [[]];
  WORDS.forEach((word, id) => {
    let s = 0;
    for (const ch of word) {
      const c = CLASS[ch.charCodeAt(0)]!;
      if (children[s]![c] === -1) {
        children[s]![c] = children.length;
        children.push(new Array<number>(classes).fill(-1));
        ends.push([]);
      }
      s = children[s]![c]!;
    }
    ends[s]!.push(id);
  });
  const next = new Int32Array(children.length * classes);
  const fail = new Int32Array(children.length);
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    const child = children[0]![c]!;
    next[c] = child === -1 ? 0 : child;
    if (child !== -1) queue.push(child);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    ends[s]!.push(...ends[fail[s]!]!);
    for (let c = 0; c < classes; c++) {
      const child = children[s]![c]!;
      if (child === -1) {
        next[s * classes + c] = next[fail[s]! * classes + c]!;
      } else {
        fail[child] = next[fail[s]! * classes + c]!;
        next[s * classes + c] = child;
        queue.push(child);
      }
    }
  }
  return { next, out: ends.map((e) => (e.length ? Int32Array.from(new Set(e)) : undefined)) };
}

const AUTOMATON = buildAutomaton();
const SEEN = new Uint32Array(WORDS.length);
let stamp = 0;

/** Which gate words a lower-cased text contains, found in one pass; ask it about each rule with `open`. */
export interface GateWords {
  /** Whether the rule named `rule` has no gate or the text holds a word of every group of its gate. */
  open(rule: string): boolean;
}

/**
 * Finds the gate words in `lower` (a lower-cased text). The answer is valid until the next call (the
 * detector is synchronous, so one text is scanned at a time).
 */
export function findGateWords(lower: string): GateWords {
  stamp = stamp === 0xffffffff ? 1 : stamp + 1;
  if (stamp === 1) SEEN.fill(0);
  const { next, out } = AUTOMATON;
  const mark = stamp;
  let s = 0;
  for (let i = 0; i < lower.length; i++) {
    s = next[s * classes + CLASS[lower.charCodeAt(i)]!]!;
    const ids = out[s];
    if (ids !== undefined) for (let k = 0; k < ids.length; k++) SEEN[ids[k]!] = mark;
  }
  return {
    open(rule: string): boolean {
      const gate = GATE_IDS.get(rule);
      if (gate === undefined) return true;
      for (const group of gate) {
        let found = false;
        for (let k = 0; k < group.length && !found; k++) found = SEEN[group[k]!] === mark;
        if (!found) return false;
      }
      return true;
    },
  };
}
