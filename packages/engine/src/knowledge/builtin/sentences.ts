// The chunk as a list of tagged sentences, each tied to its block, section and exact chunk span.
import type { TSpan } from "../types.ts";
import { mapSpan, splitMarkdownBlocks, type TBlock, type TSection } from "./markdown-blocks.ts";
import type { TMention } from "./mentions.ts";
import { tagSentences, type TToken } from "./tag-text.ts";

export interface TSentence {
  /** Position in the chunk, 0-based. */
  index: number;
  block: TBlock;
  section: TSection;
  tokens: TToken[];
  span: TSpan;
  /** Clean text (markup removed, whitespace collapsed). */
  text: string;
  /** Filled once the chunk's term dictionary is known. */
  mentions: TMention[];
  /** Ends with "?": not an assertion, so no relations come from it. */
  question: boolean;
}

export interface TChunkSentences {
  sections: TSection[];
  blocks: TBlock[];
  sentences: TSentence[];
}

/** Chunk span of tokens [from, to) of a sentence. */
export function spanOfTokens(sentence: TSentence, from: number, to: number): TSpan {
  return mapSpan(sentence.block, sentence.tokens[from]!.start, sentence.tokens[to - 1]!.end);
}

/** Clean text of tokens [from, to) of a sentence. */
export function textOfTokens(sentence: TSentence, from: number, to: number): string {
  return sentence.block.clean.slice(sentence.tokens[from]!.start, sentence.tokens[to - 1]!.end).replace(/\s+/g, " ").trim();
}

export function readChunkSentences(chunkText: string): TChunkSentences {
  const { sections, blocks } = splitMarkdownBlocks(chunkText);
  const sentences: TSentence[] = [];
  for (const block of blocks) {
    const section = sections[block.section]!;
    for (const tagged of tagSentences(block.clean)) {
      const last = tagged.tokens[tagged.tokens.length - 1]!;
      sentences.push({
        index: sentences.length,
        block,
        section,
        tokens: tagged.tokens,
        span: mapSpan(block, tagged.start, tagged.end),
        text: block.clean.slice(tagged.start, tagged.end).replace(/\s+/g, " ").trim(),
        mentions: [],
        question: last.text === "?",
      });
    }
  }
  return { sections, blocks, sentences };
}
