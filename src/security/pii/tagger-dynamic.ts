import type { CompiledTagger } from './tagger-compiled.js';
import { VectorSlab } from './vector-slab.js';
import {
  CUE, CUE_LIST, dynamicParts, ENTITY_LINE, FIRST_ENTITY_AND_SPLIT, LINE_HEADS, type DynamicParts, type Part,
} from './tagger-dynamic-parts.js';

/** Slots of one tagging state in an Int32Array (the integer form of tagger-state.ts's TagState). */
export const PREV = 0;
export const PREV2 = 1;
export const ENTITY_START = 2;
export const FIRST_TYPE = 3;
/** Bit 1: places were split; bit 2: a place ran over a line break. */
export const FLAGS = 4;
export const LINE_LABEL = 5;
export const PREV_LINE_LABEL = 6;
/** Number of slots per state. */
export const STATE_SIZE = 7;

/** What the tag-dependent scores of one text need: its words, shapes (with ids), line breaks and cue words. */
export interface DynamicText {
  words: readonly string[];
  shapes: readonly string[];
  /** A small integer per distinct shape of the text. */
  shapeIds: Int32Array;
  shapeCount: number;
  /** 1 where the token starts a line (the first token included). */
  lineStart: Uint8Array;
  /** 1 where the token is its line's head (tagger-layout.ts's lineHeads). */
  lineHead: Uint8Array;
  cues: readonly string[];
}

/** Adds a part's weights into `sum`. */
function add(sum: Float64Array, v: Part): void {
  if (v) for (let l = 0; l < sum.length; l++) sum[l]! += v[l]!;
}

/**
 * Summed weights of the tag-dependent features of tagger-state.ts's tagFeatures() (less `t-1|w=` and
 * `t-1|s=`, which carry no tag and are scored statically), for integer states, cached per text by
 * integer keys of the parts each group of features depends on. The groups that depend only on labels and
 * shapes come from the tagger's {@link DynamicParts}; the entity context words (`ec=`, `ec1=`) from the
 * compiled tagger's tables.
 */
export class DynamicScores {
  private readonly common = new Map<number, Float64Array>();
  private readonly entity = new Map<number, Float64Array>();
  private readonly sum: Float64Array;
  private readonly vectors: VectorSlab;
  private readonly parts: DynamicParts;
  /** The parts table of every shape id. */
  private readonly tables: Map<number, Part>[];
  /** Index in CUE_LIST of every cue word of the text. */
  private readonly cueIds: number[];

  constructor(private readonly tagger: CompiledTagger, private readonly text: DynamicText) {
    this.sum = new Float64Array(tagger.L);
    this.vectors = new VectorSlab(tagger.L);
    this.parts = dynamicParts(tagger);
    // Shape ids are given in order of first appearance: push each shape's table when its id first shows.
    const tables: Map<number, Part>[] = [];
    for (let i = 0; i < text.shapes.length; i++) if (text.shapeIds[i] === tables.length) tables.push(this.parts.shapeTable(text.shapes[i]!));
    this.tables = tables;
    this.cueIds = text.cues.map((cue) => CUE_LIST.indexOf(cue));
  }

  /** The scores of token i's labels from the state at `states[at..]`; valid until the next call. */
  scores(states: Int32Array, at: number, i: number): Float64Array {
    const { tagger, text, parts } = this;
    const L = tagger.L;
    const prev = states[at + PREV]!;
    const shapeId = text.shapeIds[i]!;
    const starts = text.lineStart[i] === 1;
    const n = starts && i > 0 ? 1 : 0;
    const S = text.shapeCount;
    const T = tagger.types.length + 1;
    const flags = states[at + FLAGS]!;
    const ft = states[at + FIRST_TYPE]!;
    const key = (((((states[at + PREV2]! + 1) * (L + 1) + prev + 1) * T + ft + 1) * 4 + flags) * 2 + n) * S + shapeId;
    let common = this.common.get(key);
    if (!common) {
      const shape = text.shapes[i]!;
      const table = this.tables[shapeId]!;
      common = this.vectors.take();
      add(common, parts.labels(states[at + PREV2]!, prev, ft));
      add(common, parts.shapePart(table, shape, FIRST_ENTITY_AND_SPLIT, ft, prev, flags * 2 + n));
      for (const cue of this.cueIds) add(common, parts.shapePart(table, shape, CUE, cue, prev, 0));
      this.common.set(key, common);
    }
    const head = text.lineHead[i] === 1;
    const inEntity = prev !== -1 && tagger.typeOf[prev] !== -1;
    if (!head && !inEntity) return common;
    const sum = this.sum;
    sum.set(common);
    if (head) add(sum, parts.shapePart(this.tables[shapeId]!, text.shapes[i]!, LINE_HEADS, states[at + LINE_LABEL]!, states[at + PREV_LINE_LABEL]!, 0));
    if (inEntity) {
      const e = states[at + ENTITY_START]!;
      const type = tagger.typeOf[prev]!;
      const length = Math.min(i - e, 8);
      const entityKey = (((e + 1) * T + type) * 9 + length) * S + shapeId;
      let v = this.entity.get(entityKey);
      if (!v) {
        v = this.vectors.take();
        this.addContext(v, e, type, text.shapes[i]!);
        add(v, parts.entityLength(type, length));
        add(v, parts.shapePart(this.tables[shapeId]!, text.shapes[i]!, ENTITY_LINE, type, -1, text.lineStart[e] === 1 ? 1 : 0));
        this.entity.set(entityKey, v);
      }
      add(sum, v);
    }
    return sum;
  }

  /**
   * Adds `ec=` (the two words before an entity starting at e, and its type) and `ec1=` (the word before it
   * and the token's shape) into `v`, from the compiled tagger's tables.
   */
  private addContext(v: Float64Array, e: number, type: number, shape: string): void {
    const { words } = this.text;
    const L = this.tagger.L;
    const before = words[e - 1] ?? '<s>';
    const row = this.tagger.entityContext.get(words[e - 2] ?? '<s>')?.get(before);
    if (row) for (let l = 0, from = type * L; l < L; l++) v[l]! += row[from + l]!;
    const own = this.tagger.entityContextShape.get(before)?.get(shape);
    if (own) for (let l = 0; l < L; l++) v[l]! += own[l]!;
  }
}
