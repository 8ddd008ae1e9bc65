import { isStopWord, tokenize } from "./extract-values.js";
import { createRandom, hashNumber, hashString } from "./hash.js";

/** Options of {@link simulateEmbedding}. */
export interface SimulateEmbeddingOptions {
  seed: number;
  /** The vector length (the model's dimension, e.g. 1024 for Titan Text Embeddings V2). */
  dimensions: number;
}

/** Dimensions each word feature touches; trigram features touch fewer. */
const WORD_SPREAD = 24;
const TRIGRAM_SPREAD = 6;

function addFeature(
  vector: Float64Array,
  feature: string,
  seed: number,
  spread: number,
  weight: number,
): void {
  const random = createRandom(hashString(feature, seed));
  for (let index = 0; index < spread; index++) {
    const dimension = random.int(vector.length);
    vector[dimension] = (vector[dimension] as number) + (random.next() < 0.5 ? -weight : weight);
  }
}

/**
 * A deterministic unit-length embedding (L2 norm 1): the sum of seeded pseudo-random sparse vectors of the
 * text's words (stop words weigh less) and character trigrams, so texts that share words or word stems are
 * closer (higher cosine similarity) than unrelated texts. Same seed + text => same vector.
 *
 * @example
 * ```ts
 * const vector = simulateEmbedding("The cat sat on the mat", { seed: 42, dimensions: 1024 });
 * vector.length; // => 1024
 * ```
 */
export function simulateEmbedding(text: string, options: SimulateEmbeddingOptions): number[] {
  const dimensions = Math.max(1, Math.floor(options.dimensions));
  const vector = new Float64Array(dimensions);
  const seed = hashNumber(options.seed);
  // A faint seed-only component keeps the vector non-zero for empty or symbol-only text.
  addFeature(vector, "\u0000base", seed, WORD_SPREAD, 0.05);
  for (const word of tokenize(text)) {
    addFeature(vector, word, seed, WORD_SPREAD, isStopWord(word) ? 0.3 : 1);
    if (word.length < 4) continue;
    const padded = ` ${word} `;
    for (let index = 0; index + 3 <= padded.length; index++) {
      addFeature(vector, `#${padded.slice(index, index + 3)}`, seed, TRIGRAM_SPREAD, 0.25);
    }
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  const out = new Array<number>(dimensions);
  for (let index = 0; index < dimensions; index++) out[index] = (vector[index] as number) / norm;
  return out;
}
