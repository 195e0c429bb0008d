import type { CompiledTagger } from './tagger-compiled.js';

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

/**
 * Summed weights of the tag-dependent features of tagger-state.ts's tagFeatures() (less `t-1|w=` and
 * `t-1|s=`, which carry no tag and are scored statically), for integer states, cached per text by
 * integer keys of the parts each group of features depends on.
 */
export class DynamicScores {
  private readonly common = new Map<number, Float64Array>();
  private readonly line = new Map<number, Float64Array>();
  private readonly entity = new Map<number, Float64Array>();
  private readonly sum: Float64Array;

  constructor(private readonly tagger: CompiledTagger, private readonly text: DynamicText) {
    this.sum = new Float64Array(tagger.L);
  }

  /** The scores of token i's labels from the state at `states[at..]`; valid until the next call. */
  scores(states: Int32Array, at: number, i: number): Float64Array {
    const { tagger, text } = this;
    const L = tagger.L;
    const prev = states[at + PREV]!;
    const shapeId = text.shapeIds[i]!;
    const starts = text.lineStart[i] === 1;
    const n = starts && i > 0 ? 1 : 0;
    const S = text.shapeCount;
    const T = tagger.types.length + 1;
    const flags = states[at + FLAGS]!;
    const key = (((((states[at + PREV2]! + 1) * (L + 1) + prev + 1) * T + states[at + FIRST_TYPE]! + 1) * 4 + flags) * 2 + n) * S + shapeId;
    let common = this.common.get(key);
    if (!common) {
      const p = this.label(prev);
      const shape = text.shapes[i]!;
      const ft = states[at + FIRST_TYPE]!;
      const features = [
        `t-1=${p}`, `t-2t-1=${this.label(states[at + PREV2]!)}|${p}`, `fe=${ft === -1 ? '' : tagger.types[ft]}|${p}|${shape}`,
        `hs=${flags & 1 ? 's' : ''}${flags & 2 ? 'm' : ''}|${p}|${shape}|${n ? 'n' : ''}`, `fp=${ft === -1 ? '' : tagger.types[ft]}|${p}`,
      ];
      for (const cue of text.cues) features.push(`cu=${cue}|${p}|${shape}`);
      this.common.set(key, (common = this.weigh(features)));
    }
    const head = text.lineHead[i] === 1;
    const lineAndEntity = head || (prev !== -1 && tagger.typeOf[prev] !== -1);
    if (!lineAndEntity) return common;
    const sum = this.sum;
    sum.set(common);
    if (head) {
      const ll = states[at + LINE_LABEL]!;
      const pll = states[at + PREV_LINE_LABEL]!;
      const lineKey = ((ll + 1) * (L + 1) + pll + 1) * S + shapeId;
      let v = this.line.get(lineKey);
      if (!v) {
        const shape = text.shapes[i]!;
        this.line.set(lineKey, (v = this.weigh([`pl=${this.label(ll)}|${shape}`, `pl2=${this.label(pll)}|${this.label(ll)}|${shape}`])));
      }
      for (let l = 0; l < L; l++) sum[l]! += v[l]!;
    }
    if (prev !== -1 && tagger.typeOf[prev] !== -1) {
      const e = states[at + ENTITY_START]!;
      const type = tagger.typeOf[prev]!;
      const length = Math.min(i - e, 8);
      const entityKey = (((e + 1) * T + type) * 9 + length) * S + shapeId;
      let v = this.entity.get(entityKey);
      if (!v) {
        const { words } = text;
        const name = tagger.types[type]!;
        this.entity.set(entityKey, (v = this.weigh([
          `ec=${words[e - 2] ?? '<s>'}|${words[e - 1] ?? '<s>'}|${name}`, `ec1=${words[e - 1] ?? '<s>'}|${text.shapes[i]}`, `el=${length}|${name}`,
          `eln=${text.lineStart[e] === 1 ? 'n' : ''}|${name}|${text.shapes[i]}`,
        ])));
      }
      for (let l = 0; l < L; l++) sum[l]! += v[l]!;
    }
    return sum;
  }

  private label(l: number): string {
    return l === -1 ? '<s>' : this.tagger.model.labels[l]!;
  }

  private weigh(features: readonly string[]): Float64Array {
    const v = new Float64Array(this.tagger.L);
    for (const f of features) {
      const w = this.tagger.model.weights.get(f);
      if (w) for (let l = 0; l < v.length; l++) v[l]! += w[l]!;
    }
    return v;
  }
}
