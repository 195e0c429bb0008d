/** Types scored as one place (a postal block's pieces): a new span right after one of them is a split. */
const PLACE_TYPES: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'ZIP_CODE', 'LOCATION']);

/** What tagging one text needs to know of its tokens beyond the static features. */
export interface TagContext {
  /** Lower-cased text of every token. */
  words: readonly string[];
  /** Shape of every token. */
  shapes: readonly string[];
  /** True where a line break precedes the token. */
  newline: readonly boolean[];
  /** True where the token opens a sentence in running text (tagger-layout.ts's sentenceStarts); absent: nowhere. */
  sentence?: readonly boolean[];
  /** Cue words of the text (tagger-layout.ts). */
  cues: readonly string[];
  /** True where the token is its line's head (tagger-layout.ts's lineHeads); absent: the line's first token. */
  head?: readonly boolean[];
}

/** Whether token i is its line's head (see {@link TagContext}). */
function isHead(ctx: TagContext, i: number): boolean {
  return ctx.head ? ctx.head[i] === true : i === 0 || ctx.newline[i] === true;
}

/**
 * What tagging has decided so far in one text: the two previous labels, where the current entity started,
 * the first entity's type (a letterhead's first line tells a postal block from an inline address), whether
 * a place was already split into adjacent pieces or continued across a line break (a text lays its
 * addresses out one way), and the labels of the current and previous line's heads. Never mutated.
 */
export interface TagState {
  readonly prev: string;
  readonly prev2: string;
  readonly entityStart: number;
  readonly firstType: string;
  readonly split: boolean;
  readonly multiline: boolean;
  readonly lineLabel: string;
  readonly prevLineLabel: string;
}

/** The state before the first token. */
export const START: TagState = {
  prev: '<s>', prev2: '<s>', entityStart: -1, firstType: '', split: false, multiline: false, lineLabel: '<s>', prevLineLabel: '<s>',
};

/** The state after token i got `label`. */
export function nextState(ctx: TagContext, state: TagState, label: string, i: number): TagState {
  const lineStart = i === 0 || ctx.newline[i] === true;
  const type = label === 'O' ? '' : label.slice(2);
  const placeSplit = label.startsWith('B-') && state.prev !== 'O' && state.prev !== '<s>' && PLACE_TYPES.has(type) && PLACE_TYPES.has(state.prev.slice(2));
  const entityStart = label.startsWith('B-') ? i : label === 'O' ? -1 : state.entityStart;
  const firstType = state.firstType || type;
  const split = state.split || placeSplit;
  const multiline = state.multiline || (label.startsWith('I-') && lineStart && PLACE_TYPES.has(type));
  const head = isHead(ctx, i);
  const lineLabel = head ? label : state.lineLabel;
  const prevLineLabel = head ? state.lineLabel : state.prevLineLabel;
  return { prev: label, prev2: state.prev, entityStart, firstType, split, multiline, lineLabel, prevLineLabel };
}

/**
 * Whether `label` keeps the text's layout consistent: only a place (a postal block) runs over a line
 * break or into a new sentence ("Uber. Sarah" is two entities); a text that already split a place into
 * adjacent pieces never runs a place over a line break, and one that ran a place over a line break never
 * splits one (a text lays its addresses out one way).
 */
export function layoutAllows(ctx: TagContext, state: TagState, label: string, i: number): boolean {
  if (label === 'O') return true;
  const place = PLACE_TYPES.has(label.slice(2));
  if (label.startsWith('I-')) return place ? ctx.newline[i] !== true || !state.split : ctx.newline[i] !== true && ctx.sentence?.[i] !== true;
  return !(place && state.multiline && state.prev !== 'O' && state.prev !== '<s>' && PLACE_TYPES.has(state.prev.slice(2)));
}

/**
 * A key that determines {@link tagFeatures} of token i under `state` (tagging caches their weights by it):
 * outside an entity and not at a line's start it leaves out the position, so that equal words share it.
 */
export function tagFeaturesKey(ctx: TagContext, state: TagState, i: number): string {
  const history = `${state.prev2}|${state.prev}|${state.firstType}|${state.split ? 's' : ''}${state.multiline ? 'm' : ''}`;
  if ((state.prev !== 'O' && state.prev !== '<s>') || i === 0 || ctx.newline[i] || isHead(ctx, i)) {
    return `${history}|@${i}|${state.entityStart}|${state.lineLabel}|${state.prevLineLabel}`;
  }
  return `${history}|${ctx.words[i]}|${ctx.shapes[i]}`;
}

/**
 * Features that depend on the tags already chosen: the two previous tags, and for a token right after an
 * entity, the words just before that entity started, how long it is so far and whether it started a
 * line; the type of the text's first entity (also with the previous tag alone), whether places were split or ran over lines earlier in the text, each cue word of the
 * text, and at a line's head the labels of the heads of the lines before; conjoined with the previous tag and
 * the token's shape.
 */
export function tagFeatures(ctx: TagContext, state: TagState, i: number): string[] {
  const { words, shapes } = ctx;
  const prev = state.prev;
  const lineStart = i === 0 || ctx.newline[i] === true;
  const dyn = [
    `t-1=${prev}`, `t-2t-1=${state.prev2}|${prev}`, `t-1|w=${words[i]}`, `t-1|s=${shapes[i]}`,
    `fe=${state.firstType}|${prev}|${shapes[i]}`, `hs=${state.split ? 's' : ''}${state.multiline ? 'm' : ''}|${prev}|${shapes[i]}|${lineStart && i > 0 ? 'n' : ''}`,
    `fp=${state.firstType}|${prev}`,
  ];
  if (isHead(ctx, i)) dyn.push(`pl=${state.lineLabel}|${shapes[i]}`, `pl2=${state.prevLineLabel}|${state.lineLabel}|${shapes[i]}`);
  for (const cue of ctx.cues) dyn.push(`cu=${cue}|${prev}|${shapes[i]}`);
  if (prev !== 'O' && prev !== '<s>') {
    const e = state.entityStart;
    dyn.push(
      `ec=${words[e - 2] ?? '<s>'}|${words[e - 1] ?? '<s>'}|${prev.slice(2)}`, `ec1=${words[e - 1] ?? '<s>'}|${shapes[i]}`, `el=${Math.min(i - e, 8)}|${prev.slice(2)}`,
      `eln=${e === 0 || ctx.newline[e] === true ? 'n' : ''}|${prev.slice(2)}|${shapes[i]}`,
    );
  }
  return dyn;
}
