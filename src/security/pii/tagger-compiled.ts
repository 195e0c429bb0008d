import { AFFIX_ROLES, GAZ_ROLES, RX_ROLES, SHAPE_ROLES, WORD_ROLES } from './tagger-features.js';
import type { TaggerModel } from './tagger-model.js';

type Roles = readonly (readonly [string, number])[];

/**
 * Per role group (word, shape, gazetteer class, rule tag), the roles looked up at a token offset. The
 * tag-dependent features `t-1|w=` and `t-1|s=` carry no tag: they score the token's own word and shape.
 */
export const SCORED_ROLE_GROUPS: readonly Roles[] = [[...WORD_ROLES, ['t-1|w', 0]], [...SHAPE_ROLES, ['t-1|s', 0]], GAZ_ROLES, RX_ROLES];

/**
 * Bigram feature names, each over (word or shape) of two adjacent positions relative to the token: the
 * pair at positions (j, j + 1) is scored at token j - a.
 */
export const BIGRAM_ROLES: readonly { name: string; shape: boolean; a: number }[] = [
  { name: 'w-1w', shape: false, a: -1 }, { name: 'ww+1', shape: false, a: 0 }, { name: 'w-2w-1', shape: false, a: -2 },
  { name: 's-1s', shape: true, a: -1 }, { name: 'ss+1', shape: true, a: 0 },
];

/**
 * The bigram roles grouped by what they pair (0: words, 1: shapes): one lookup of an adjacent pair gives
 * every role's weights in the group (row r = the group's r-th role).
 */
export const PAIR_GROUPS: readonly (readonly number[])[] = [0, 1].map((g) => BIGRAM_ROLES.flatMap((b, k) => (b.shape === (g === 1) ? [k] : [])));

/**
 * A tagger's weights rearranged for tagging: one lookup per (role group, value) giving every role's
 * weights, bigrams as nested maps by pair (no string is built per token), and the label structure as integers.
 */
export interface CompiledTagger {
  model: TaggerModel;
  /** Number of labels. */
  L: number;
  /**
   * Per role group: value → weights of each role of the group (row r = role r, L columns), absent when none;
   * float32 like the weights deserializeTagger() gives (a float64 model's weights are rounded).
   */
  roles: Map<string, Float32Array>[];
  /** Per affix role (tagger-features.ts's AFFIX_ROLES): affix → weights (L). */
  affixes: Map<string, Float32Array>[];
  /**
   * Per pair group ({@link PAIR_GROUPS}): first value → second value → weights of the group's roles
   * (row r = role r, L columns; zero where a role has no such feature).
   */
  pairs: Map<string, Map<string, Float32Array>>[];
  /**
   * The entity context features: `ec=` by the two words before an entity (w-2 → w-1 → one row of L per
   * entity type, zero where none) and `ec1=` by the word before it and the token's shape (w-1 → shape → L).
   */
  entityContext: Map<string, Map<string, Float32Array>>;
  entityContextShape: Map<string, Map<string, Float32Array>>;
  /** Entity type index of each label (-1 for 'O'). */
  typeOf: Int32Array;
  /** 1 where the label begins an entity (B-). */
  begins: Uint8Array;
  /** 1 where the label's type is a place type (street address, zip code, location). */
  place: Uint8Array;
  /** Entity type names, by type index. */
  types: string[];
  /**
   * 1 where label l may extend a state under BIO and the layout constraint (tagger-state.ts's layoutAllows),
   * at (((p + 1) * 4 + flags) * 3 + s) * L + l: p the state's previous label (-1: none), flags its layout
   * flags, s 1 when the token starts a line other than the first, 2 when it opens a sentence within a line
   * (tagger-layout.ts's sentenceStarts), 0 otherwise.
   */
  extend: Uint8Array;
}

const compiled = new WeakMap<TaggerModel, CompiledTagger>();
const PLACE_TYPES: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'ZIP_CODE', 'LOCATION']);

/** Splits a bigram value "a|b" where either part may itself be the one-character token '|'. */
function splitPair(value: string): [string, string] | null {
  if (value.startsWith('||')) return ['|', value.slice(2)];
  const at = value.indexOf('|');
  return at === -1 ? null : [value.slice(0, at), value.slice(at + 1)];
}

/** The inner map of `first` in a two-level table, created when absent. */
function innerOf(table: Map<string, Map<string, Float32Array>>, first: string): Map<string, Float32Array> {
  let inner = table.get(first);
  if (!inner) table.set(first, (inner = new Map()));
  return inner;
}

/** Writes `w` as row `row` of the `rows` × L table under `key`, creating the table zeroed when absent. */
function setRow(map: Map<string, Float32Array>, key: string, rows: number, row: number, w: ArrayLike<number>, L: number): void {
  let v = map.get(key);
  if (!v) map.set(key, (v = new Float32Array(rows * L)));
  for (let l = 0; l < L; l++) v[row * L + l] = w[l]!;
}

/** The compiled form of a model, built once per model object. */
export function compileTagger(model: TaggerModel): CompiledTagger {
  const cached = compiled.get(model);
  if (cached) return cached;
  const L = model.labels.length;
  const groupOf = new Map<string, [number, number]>();
  SCORED_ROLE_GROUPS.forEach((roles, g) => roles.forEach(([role], r) => groupOf.set(role, [g, r])));
  const bigramOf = new Map<string, [number, number]>();
  PAIR_GROUPS.forEach((group, g) => group.forEach((k, r) => bigramOf.set(BIGRAM_ROLES[k]!.name, [g, r])));
  const roles = SCORED_ROLE_GROUPS.map(() => new Map<string, Float32Array>());
  const pairs = PAIR_GROUPS.map(() => new Map<string, Map<string, Float32Array>>());
  const affixes = AFFIX_ROLES.map(() => new Map<string, Float32Array>());
  const types: string[] = [];
  const typeOf = new Int32Array(L);
  const begins = new Uint8Array(L);
  const place = new Uint8Array(L);
  model.labels.forEach((label, l) => {
    if (label === 'O') return void (typeOf[l] = -1);
    const type = label.slice(2);
    if (!types.includes(type)) types.push(type);
    typeOf[l] = types.indexOf(type);
    begins[l] = label.startsWith('B-') ? 1 : 0;
    place[l] = PLACE_TYPES.has(type) ? 1 : 0;
  });
  const entityContext = new Map<string, Map<string, Float32Array>>();
  const entityContextShape = new Map<string, Map<string, Float32Array>>();
  for (const [name, w] of model.weights) {
    const eq = name.indexOf('=');
    if (eq === -1) continue;
    const role = name.slice(0, eq);
    const value = name.slice(eq + 1);
    const at = groupOf.get(role);
    if (at) {
      setRow(roles[at[0]]!, value, SCORED_ROLE_GROUPS[at[0]]!.length, at[1], w, L);
      continue;
    }
    const affix = AFFIX_ROLES.indexOf(role);
    if (affix !== -1) {
      setRow(affixes[affix]!, value, 1, 0, w, L);
      continue;
    }
    if (role === 'ec' || role === 'ec1') {
      // ec=w-2|w-1|TYPE (a type holds no '|') and ec1=w-1|shape.
      const bar = value.lastIndexOf('|');
      const type = role === 'ec' ? types.indexOf(value.slice(bar + 1)) : 0;
      const pair = splitPair(role === 'ec' ? value.slice(0, bar) : value);
      if (!pair || type === -1) continue;
      setRow(innerOf(role === 'ec' ? entityContext : entityContextShape, pair[0]), pair[1], role === 'ec' ? types.length : 1, type, w, L);
      continue;
    }
    const b = bigramOf.get(role);
    const pair = b === undefined ? null : splitPair(value);
    if (b !== undefined && pair) setRow(innerOf(pairs[b[0]]!, pair[0]), pair[1], PAIR_GROUPS[b[0]]!.length, b[1], w, L);
  }
  const extend = new Uint8Array((L + 1) * 12 * L);
  for (let p = -1; p < L; p++) {
    for (let flags = 0; flags < 4; flags++) {
      for (let s = 0; s < 3; s++) {
        for (let l = 0; l < L; l++) {
          // BIO: an I- label continues an entity of its own type (no previous label reads as 'O').
          let ok = typeOf[l] === -1 || begins[l] === 1 || (p !== -1 && typeOf[p] === typeOf[l]);
          if (ok && typeOf[l] !== -1) {
            const isPlace = place[l] === 1;
            if (begins[l] === 0) ok = isPlace ? s !== 1 || (flags & 1) === 0 : s === 0;
            else ok = !(isPlace && (flags & 2) !== 0 && p !== -1 && typeOf[p] !== -1 && place[p] === 1);
          }
          extend[(((p + 1) * 4 + flags) * 3 + s) * L + l] = ok ? 1 : 0;
        }
      }
    }
  }
  const out: CompiledTagger = { model, L, roles, affixes, pairs, entityContext, entityContextShape, typeOf, begins, place, types, extend };
  compiled.set(model, out);
  return out;
}
