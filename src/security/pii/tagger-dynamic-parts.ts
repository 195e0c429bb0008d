import type { CompiledTagger } from './tagger-compiled.js';
import { CUE_WORDS } from './tagger-layout.js';
import { addScores } from './tagger-model.js';

/** The cue words by index (the `a` of a {@link CUE} part). */
export const CUE_LIST: readonly string[] = [...CUE_WORDS];

/** Summed weights of a group of tag-dependent features, or null when none of them has a weight. */
export type Part = Float64Array | null;

/** Most parts remembered per tagger; the memo starts over beyond this (bounded memory, ~13 MB at most). */
const MAX_PARTS = 50_000;

/** Families of shape-dependent parts (the low two bits of their keys). */
export const FIRST_ENTITY_AND_SPLIT = 0;
export const CUE = 1;
export const LINE_HEADS = 2;
export const ENTITY_LINE = 3;

/**
 * The summed weights of the groups of tag-dependent features that depend on neither the words nor the
 * position of a token, only on label-state integers and the token's shape: remembered per tagger across
 * texts (bounded), so that tagging a text builds feature strings only for what it has not met before.
 * A quantised model's weights sum exactly in any order (see tagger-scores.ts), so sums of parts equal the
 * sums of their features.
 */
export class DynamicParts {
  private readonly byLabels = new Map<number, Part>();
  private readonly byShape = new Map<string, Map<number, Part>>();
  private size = 0;

  constructor(private readonly tagger: CompiledTagger) {}

  /** `t-1=`, `t-2t-1=` and `fp=` of the labels before a token and the first entity's type. */
  labels(prev2: number, prev: number, firstType: number): Part {
    const T = this.tagger.types.length + 1;
    const L1 = this.tagger.L + 1;
    const key = ((prev2 + 1) * L1 + prev + 1) * T + firstType + 1;
    let v = this.byLabels.get(key);
    if (v === undefined) {
      const p = this.label(prev);
      v = this.weigh([`t-1=${p}`, `t-2t-1=${this.label(prev2)}|${p}`, `fp=${this.type(firstType)}|${p}`]);
      this.remember(this.byLabels, key, v);
    }
    return v;
  }

  /** `el=` of an entity of `type` that has run `length` tokens (at most 8). */
  entityLength(type: number, length: number): Part {
    const key = -1 - (type * 9 + length);
    let v = this.byLabels.get(key);
    if (v === undefined) this.remember(this.byLabels, key, (v = this.weigh([`el=${length}|${this.type(type)}`])));
    return v;
  }

  /** The table of a shape's parts, to be read with {@link shapePart}. */
  shapeTable(shape: string): Map<number, Part> {
    let table = this.byShape.get(shape);
    if (!table) this.byShape.set(shape, (table = new Map()));
    return table;
  }

  /**
   * One part of a token of shape `shape` (its table from {@link shapeTable}): by family, `fe=` and `hs=`
   * (a = first type, b = previous label, c = flags * 2 + line start), `cu=` (a = index in {@link CUE_LIST}, b =
   * previous label), `pl=` and `pl2=` (a = line label, b = previous line label) or `eln=`
   * (a = entity type, c = 1 when the entity starts a line).
   */
  shapePart(table: Map<number, Part>, shape: string, family: number, a: number, b: number, c: number): Part {
    const key = ((((a + 1) * (this.tagger.L + 1) + b + 1) * 8 + c) << 2) | family;
    let v = table.get(key);
    if (v !== undefined) return v;
    const p = this.label(b);
    if (family === FIRST_ENTITY_AND_SPLIT) {
      v = this.weigh([`fe=${this.type(a)}|${p}|${shape}`, `hs=${c & 2 ? 's' : ''}${c & 4 ? 'm' : ''}|${p}|${shape}|${c & 1 ? 'n' : ''}`]);
    } else if (family === CUE) v = this.weigh([`cu=${CUE_LIST[a]}|${p}|${shape}`]);
    else if (family === LINE_HEADS) v = this.weigh([`pl=${this.label(a)}|${shape}`, `pl2=${p}|${this.label(a)}|${shape}`]);
    else v = this.weigh([`eln=${c ? 'n' : ''}|${this.type(a)}|${shape}`]);
    this.remember(table, key, v);
    return v;
  }

  private remember(map: Map<number, Part>, key: number, v: Part): void {
    if (++this.size > MAX_PARTS) {
      this.byLabels.clear();
      for (const table of this.byShape.values()) table.clear();
      this.byShape.clear();
      this.size = 1;
    }
    map.set(key, v);
  }

  private label(l: number): string {
    return l === -1 ? '<s>' : this.tagger.model.labels[l]!;
  }

  private type(t: number): string {
    return t === -1 ? '' : this.tagger.types[t]!;
  }

  /** Summed weights of `features`, null when none has a weight. */
  weigh(features: readonly string[]): Part {
    const v = new Float64Array(this.tagger.L);
    return addScores(this.tagger.model, features, v) ? v : null;
  }
}

const parts = new WeakMap<CompiledTagger, DynamicParts>();

/** The parts memo of a compiled tagger. */
export function dynamicParts(tagger: CompiledTagger): DynamicParts {
  let p = parts.get(tagger);
  if (!p) parts.set(tagger, (p = new DynamicParts(tagger)));
  return p;
}
