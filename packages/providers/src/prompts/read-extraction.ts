// From the model's JSON to the engine's TExtractedChunk. Offsets are the model's weakest point, so
// each quote is located by its text: the model's offsets are kept only when they slice out exactly
// that text. Nothing is judged here; verifyExtraction decides what the chunk supports.
import { RELATION_TYPES, type TExtractedChunk, type TRelationType, type TSpan } from "@proda/engine";
import type { TQuote, TWireExtraction } from "./extraction-schema.ts";

function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where the quote really is. Order: the model's offsets when they match; the text's only exact
 * occurrence (or, when it occurs more than once, the one nearest the model's start); the same with
 * whitespace differences allowed (models collapse line breaks). Otherwise the model's offsets as
 * given, which the verifier then rejects if they are wrong.
 */
export function alignQuote(chunkText: string, quote: TQuote): TSpan {
  const text = quote.text;
  if (chunkText.slice(quote.start, quote.end) === text) return { start: quote.start, end: quote.end };
  const nearest = (starts: { start: number; end: number }[]) =>
    starts.reduce((best, s) => (Math.abs(s.start - quote.start) < Math.abs(best.start - quote.start) ? s : best));
  const exact = findAll(chunkText, text).map((start) => ({ start, end: start + text.length }));
  if (exact.length > 0) return nearest(exact);
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const loose = new RegExp(words.map(escapeRegExp).join("\\s+"), "g");
    const matches = [...chunkText.matchAll(loose)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    if (matches.length > 0) return nearest(matches);
  }
  return { start: quote.start, end: quote.end };
}

const KNOWN_TYPES = new Set<string>(RELATION_TYPES);

export function toExtractedChunk(wire: TWireExtraction, chunkText: string): TExtractedChunk {
  const span = (quote: TQuote) => alignQuote(chunkText, quote);
  return {
    chains: wire.chains.map((chain) => ({
      ...chain,
      preconditions: chain.preconditions.map((note) => ({ text: note.text, span: span(note.span) })),
      negativeConstraints: chain.negativeConstraints.map((note) => ({ text: note.text, span: span(note.span), relationKey: note.relationKey })),
    })),
    // A type added through relationTypes is kept as "other"; its verb phrase stays in `predicate`.
    relations: wire.relations.map(({ quote, type, ...relation }) => ({
      ...relation,
      type: (KNOWN_TYPES.has(type) ? type : "other") as TRelationType,
      quote: span(quote),
    })),
    concepts: wire.concepts.map(({ definitionQuote, ...concept }) => ({
      ...concept,
      definitionSpan: definitionQuote ? span(definitionQuote) : null,
    })),
  };
}
