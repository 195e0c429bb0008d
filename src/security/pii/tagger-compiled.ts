import { GAZ_ROLES, RX_ROLES, SHAPE_ROLES, WORD_ROLES } from './tagger-features.js';
import type { TaggerModel } from './tagger-model.js';

type Roles = readonly (readonly [string, number])[];

/**
 * Per role group (word, shape, gazetteer class, rule tag), the roles looked up at a token offset. The
 * tag-dependent features `t-1|w=` and `t-1|s=` carry no tag: they score the token's own word and shape.
 */
export const SCORED_ROLE_GROUPS: readonly Roles[] = [[...WORD_ROLES, ['t-1|w', 0]], [...SHAPE_ROLES, ['t-1|s', 0]], GAZ_ROLES, RX_ROLES];

/** Bigram feature names, each over (word or shape) of two positions relative to the token. */
export const BIGRAM_ROLES: readonly { name: string; shape: boolean; a: number; b: number }[] = [
  { name: 'w-1w', shape: false, a: -1, b: 0 }, { name: 'ww+1', shape: false, a: 0, b: 1 }, { name: 'w-2w-1', shape: false, a: -2, b: -1 },
  { name: 's-1s', shape: true, a: -1, b: 0 }, { name: 'ss+1', shape: true, a: 0, b: 1 },
];

/**
 * A tagger's weights rearranged for tagging: one lookup per (role group, value) giving every role's
 * weights, bigrams as nested maps (no string is built per token), and the label structure as integers.
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
  /** Per bigram role: first value → second value → weights. */
  bigrams: Map<string, Map<string, ArrayLike<number>>>[];
  /** Entity type index of each label (-1 for 'O'). */
  typeOf: Int32Array;
  /** 1 where the label begins an entity (B-). */
  begins: Uint8Array;
  /** 1 where the label's type is a place type (street address, zip code, location). */
  place: Uint8Array;
  /** Entity type names, by type index. */
  types: string[];
  /** allowed(labels[p], labels[l]) under BIO at p * L + l. */
  allowed: Uint8Array;
}

const compiled = new WeakMap<TaggerModel, CompiledTagger>();
const PLACE_TYPES: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'ZIP_CODE', 'LOCATION']);

/** Splits a bigram value "a|b" where either part may itself be the one-character token '|'. */
function splitPair(value: string): [string, string] | null {
  if (value.startsWith('||')) return ['|', value.slice(2)];
  const at = value.indexOf('|');
  return at === -1 ? null : [value.slice(0, at), value.slice(at + 1)];
}

/** The compiled form of a model, built once per model object. */
export function compileTagger(model: TaggerModel): CompiledTagger {
  const cached = compiled.get(model);
  if (cached) return cached;
  const L = model.labels.length;
  const groupOf = new Map<string, [number, number]>();
  SCORED_ROLE_GROUPS.forEach((roles, g) => roles.forEach(([role], r) => groupOf.set(role, [g, r])));
  const bigramOf = new Map(BIGRAM_ROLES.map((b, k) => [b.name, k]));
  const roles = SCORED_ROLE_GROUPS.map(() => new Map<string, Float32Array>());
  const bigrams = BIGRAM_ROLES.map(() => new Map<string, Map<string, ArrayLike<number>>>());
  for (const [name, w] of model.weights) {
    const eq = name.indexOf('=');
    if (eq === -1) continue;
    const role = name.slice(0, eq);
    const value = name.slice(eq + 1);
    const at = groupOf.get(role);
    if (at) {
      const [g, r] = at;
      let v = roles[g]!.get(value);
      if (!v) roles[g]!.set(value, (v = new Float32Array(SCORED_ROLE_GROUPS[g]!.length * L)));
      for (let l = 0; l < L; l++) v[r * L + l] = w[l]!;
      continue;
    }
    const k = bigramOf.get(role);
    const pair = k === undefined ? null : splitPair(value);
    if (k !== undefined && pair) {
      let inner = bigrams[k]!.get(pair[0]);
      if (!inner) bigrams[k]!.set(pair[0], (inner = new Map()));
      inner.set(pair[1], w);
    }
  }
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
  const allowed = new Uint8Array(L * L);
  for (let p = 0; p < L; p++) {
    for (let l = 0; l < L; l++) {
      const label = model.labels[l]!;
      const prev = model.labels[p]!;
      allowed[p * L + l] = !label.startsWith('I-') || (prev !== 'O' && prev.slice(2) === label.slice(2)) ? 1 : 0;
    }
  }
  const out: CompiledTagger = { model, L, roles, bigrams, typeOf, begins, place, types, allowed };
  compiled.set(model, out);
  return out;
}
