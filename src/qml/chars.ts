// Next-character prediction on a small bundled public-domain text (data/alice.json: the opening of Lewis
// Carroll's "Alice's Adventures in Wonderland", Project Gutenberg eBook #11). Tokenisation: lower case, every
// character outside a–z becomes a space, runs of spaces collapse to one; the vocabulary is the distinct
// characters that remain (sorted). An example is (previous character → next character), a bigram model: both
// the classical and the quantum model see exactly the same context. The last `heldOutFraction` of the text is
// held out.

import text from "./data/alice.json" with { type: "json" };
import type { Dataset, Example } from "./dataset.js";

export const CHARS_SOURCE = `${text.author}, ${text.title}; ${text.source} (${text.license})`;

export function tokenize(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

export function makeChars(options: { heldOutFraction: number; maxTrain?: number }): Dataset {
  const tokens = tokenize(text.text);
  const vocabulary = [...new Set(tokens)].sort();
  const index = new Map(vocabulary.map((c, i) => [c, i]));
  const pairs: Example[] = [];
  for (let i = 1; i < tokens.length; i++)
    pairs.push({ features: [index.get(tokens[i - 1])!], label: index.get(tokens[i])! });
  const cut = Math.round(pairs.length * (1 - options.heldOutFraction));
  const train = pairs.slice(0, cut);
  return {
    name: "chars",
    input: "token",
    classes: vocabulary.length,
    features: 1,
    train: options.maxTrain !== undefined ? train.slice(0, options.maxTrain) : train,
    heldOut: pairs.slice(cut),
    labels: vocabulary,
    source: `${CHARS_SOURCE}: ${tokens.length} characters, vocabulary ${vocabulary.length}`,
  };
}

/** Bits of a token index, least significant first: the quantum model's basis/angle encoding input. */
export function tokenBits(token: number, bits: number): number[] {
  return Array.from({ length: bits }, (_, b) => (token >>> b) & 1);
}

/** One-hot vector of a token: the classical model's input. */
export function oneHot(token: number, size: number): number[] {
  const v = new Array<number>(size).fill(0);
  v[token] = 1;
  return v;
}
