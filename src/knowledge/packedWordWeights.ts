// The risk word weights as the built file carries them. In knowledge/risk-weights.json each model is
// a record of some 15,000–25,000 words, six models in all; read back as JSON objects that size, they
// were the slowest part of start-up (about a sixth of it). Built, the words are written once and
// each model's weights as whole thousandths in one base64 block, which reads back in a few
// milliseconds into exactly the same numbers (the fit rounds weights to thousandths).
import { endianness } from 'node:os';
import { RISK_KINDS, type RiskKind, type RiskWordWeights, type WordModel } from './riskSigns';

/** A model's words as start-up holds them: the shared word list's positions and this model's weights. */
export class PackedWords {
  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly weights: Int32Array,
  ) {}

  weightOf(word: string): number {
    const at = this.positions.get(word);
    return at === undefined ? 0 : this.weights[at] / 1000;
  }
}

interface PackedModel {
  bias: number;
  dense: number[];
  /** Int32 thousandths, one per word of the shared list, base64. */
  thousandths: string;
}

/** The built file's form of RiskWordWeights. */
export interface PackedRiskWords {
  threshold: number;
  veto: number;
  /** Every model's words, one per line. */
  vocabulary: string;
  risk: PackedModel;
  kinds: Record<RiskKind, PackedModel>;
}

export function packRiskWords(words: RiskWordWeights): PackedRiskWords {
  const models = [words.risk, ...RISK_KINDS.map((k) => words.kinds[k])];
  const vocabulary = [...new Set(models.flatMap((m) => Object.keys(m.words as Record<string, number>)))];
  for (const word of vocabulary) if (word.includes('\n')) throw new Error(`risk word weights: a word with a line break (${JSON.stringify(word)})`);
  const pack = (m: WordModel): PackedModel => {
    const record = m.words as Record<string, number>;
    // (Little-endian whatever the machine, as unpack reads it.)
    const bytes = Buffer.alloc(vocabulary.length * 4);
    vocabulary.forEach((word, i) => {
      const w = Object.hasOwn(record, word) ? record[word] : 0;
      const thousandths = Math.round(w * 1000);
      if (thousandths / 1000 !== w) throw new Error(`risk word weights: "${word}" has a weight finer than a thousandth (${w}): refit`);
      bytes.writeInt32LE(thousandths, i * 4);
    });
    return { bias: m.bias, dense: m.dense, thousandths: bytes.toString('base64') };
  };
  return { threshold: words.threshold, veto: words.veto, vocabulary: vocabulary.join('\n'), risk: pack(words.risk), kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, pack(words.kinds[k])])) as Record<RiskKind, PackedModel> };
}

export function unpackRiskWords(packed: PackedRiskWords): RiskWordWeights {
  const vocabulary = packed.vocabulary ? packed.vocabulary.split('\n') : [];
  const positions = new Map(vocabulary.map((word, i) => [word, i]));
  const unpack = (m: PackedModel): WordModel => {
    const bytes = Buffer.from(m.thousandths, 'base64');
    // (A copy, so the array starts on a 4-byte boundary whatever the buffer pool did; read number by
    // number on a big-endian machine.)
    const weights =
      endianness() === 'LE' ? new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) : Int32Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readInt32LE(i * 4));
    if (weights.length !== vocabulary.length) throw new Error('the built risk word weights do not match their word list: run "npm run build"');
    return { bias: m.bias, dense: m.dense, words: new PackedWords(positions, weights) };
  };
  return { threshold: packed.threshold, veto: packed.veto, risk: unpack(packed.risk), kinds: Object.fromEntries(RISK_KINDS.map((k) => [k, unpack(packed.kinds[k])])) as Record<RiskKind, WordModel> };
}
