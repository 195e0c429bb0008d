import { describe, expect, it } from 'vitest';
import { cosines, voteOfCosines, VOTE_NEIGHBOURS } from '../../../src/security/injection/attack-store.js';
import { combineDeep, defaultDeepModel, type DeepModel } from '../../../src/security/injection/deep-model.js';
import { detectInjectionDeep, type TextEmbedder } from '../../../src/security/injection/index.js';

const DIM = 4;
/** A unit vector at `angle` radians in the plane of the first two dimensions. */
const at = (angle: number): Float32Array => Float32Array.from([Math.cos(angle), Math.sin(angle), 0, 0]);
/** The neighbour vote of `v` among these known attacks and ordinary requests. */
const neighbourVote = (v: Float32Array, attacks: Float32Array[], requests: Float32Array[], k?: number): number =>
  voteOfCosines(cosines(v, attacks), cosines(v, requests), k);

describe('the neighbour vote (voteOfCosines)', () => {
  // Attacks cluster around angle 0, ordinary requests around angle pi/2.
  const attacks = [0, 0.05, 0.1, 0.15].map(at);
  const requests = [1.5, 1.55, 1.6, 1.65, 1.7].map(at);

  it('is the share of attacks among the k nearest known prompts', () => {
    expect(neighbourVote(at(0.02), attacks, requests, 4)).toBe(1);
    expect(neighbourVote(at(1.6), attacks, requests, 4)).toBe(0);
    // The five nearest to angle 0.02 are the four attacks and the closest request.
    expect(neighbourVote(at(0.02), attacks, requests, 5)).toBeCloseTo(4 / 5);
    // Between the clusters, nearer the requests: 5 requests and 1 attack among the 6 nearest.
    expect(neighbourVote(at(1.0), attacks, requests, 6)).toBeCloseTo(1 / 6);
  });
  it('counts every known prompt when there are fewer than k', () => {
    expect(VOTE_NEIGHBOURS).toBeGreaterThan(attacks.length + requests.length);
    expect(neighbourVote(at(0.02), attacks, requests)).toBeCloseTo(4 / 9);
  });
  it('counts attacks first at a tie on the k-th similarity', () => {
    expect(neighbourVote(at(0.3), [at(0)], [at(0), at(0.7)], 1)).toBe(1);
    expect(neighbourVote(at(0.3), [at(0)], [at(0), at(0.7)], 2)).toBeCloseTo(1 / 2);
  });
  it('is 0.5 (no opinion) with no known prompts', () => {
    expect(neighbourVote(at(0), [], [])).toBe(0.5);
  });
});

describe('the neighbour vote in the combiner', () => {
  const combiner = { weights: { sync: 1, embedding: 0.25, similarity: 0, planted: 20, vote: 4 }, bias: 0, thresholds: { low: 0.3, medium: 0.6, high: 0.95 } };
  it('raises the score when the nearest prompts are attacks and lowers it when they are requests', () => {
    const neutral = combineDeep(combiner, 0.5, 0.5, 0, false, 0, 0.5);
    expect(neutral).toBeCloseTo(0.5);
    expect(combineDeep(combiner, 0.5, 0.5, 0, false, 0, 1)).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(combineDeep(combiner, 0.5, 0.5, 0, false, 0, 0)).toBeCloseTo(1 / (1 + Math.exp(2)));
  });
  it('has no effect without a vote weight (older weights) or without a vote', () => {
    const { vote: _unused, ...olderWeights } = combiner.weights;
    const older = { ...combiner, weights: olderWeights };
    expect(combineDeep(older, 0.3, 0.4, 0.2, false, 0, 1)).toBe(combineDeep(older, 0.3, 0.4, 0.2, false, 0, 0));
    expect(combineDeep(combiner, 0.3, 0.4, 0.2, false)).toBe(combineDeep(combiner, 0.3, 0.4, 0.2, false, 0, 0.5));
  });
});

describe('detectInjectionDeep with a store of ordinary requests', () => {
  const deep: DeepModel = {
    embedding: { weights: new Float32Array(DIM), bias: 0 },
    // More of each than the vote counts (VOTE_NEIGHBOURS), in two tight clusters.
    attacks: Array.from({ length: 30 }, (_, i) => at(i * 0.005)),
    requests: Array.from({ length: 30 }, (_, i) => at(1.5 + i * 0.005)),
    combiner: { weights: { sync: 0, embedding: 0, similarity: 0, planted: 20, vote: 8 }, bias: 0, thresholds: { low: 0.3, medium: 0.6, high: 0.95 } },
  };
  /** Texts about the weather sit with the ordinary requests, everything else with the attacks. */
  const embedder: TextEmbedder = { embed: async (texts) => texts.map((t) => Array.from(at(/weather/i.test(t) ? 1.55 : 0.05))) };

  it('reports the vote and lets it decide between prompts the fast path leaves alone', async () => {
    const near = await detectInjectionDeep('Tell me something about the planets, please', embedder, { deep });
    const far = await detectInjectionDeep('Tell me something about the weather, please', embedder, { deep });
    expect(near.neighbourVote).toBe(1);
    expect(far.neighbourVote).toBe(0);
    expect(['MEDIUM', 'HIGH']).toContain(near.risk);
    expect(['NONE', 'LOW']).toContain(far.risk);
  });
  it('has no vote without a request store', async () => {
    const { requests: _unused, ...older } = deep;
    const r = await detectInjectionDeep('Tell me something about the planets, please', embedder, { deep: older });
    expect(r.neighbourVote).toBeUndefined();
  });
});

describe('the shipped embedding layer', () => {
  const shipped = defaultDeepModel();
  it.runIf(shipped !== undefined)('carries ordinary requests of the embedding dimension for the neighbour vote', () => {
    expect(shipped!.requests?.length).toBeGreaterThan(100);
    expect(shipped!.requests![0]!.length).toBe(shipped!.attacks[0]!.length);
  });
});
