// The public API of @proda/engine: the only module other packages import. Pure domain logic, no
// database, queue or HTTP; file-system access only through paths the caller passes (expandZip).

// Corpus: parsing
export { ParseError, PARSE_ERROR_CODES, isParseError, type TParseErrorCode } from "./corpus/errors.ts";
export { parseDocument, detectFormat, SUPPORTED_EXTENSIONS, type TSupportedExtension } from "./corpus/parse/parse-document.ts";
export { parseJsonRecords, type TJsonRecord, type TJsonRecordsInput } from "./corpus/parse/parse-json.ts";
export { DOCUMENT_FORMATS, type TDocumentFormat, type TParsedDocument, type TParseInput, type TParseOptions } from "./corpus/parse/types.ts";
export { expandZip, checkEntryName, ZZipLimits, DEFAULT_ZIP_LIMITS, type TZipLimits, type TZipEntry } from "./corpus/archive.ts";

// Corpus: chunking
export { countTokens } from "./corpus/tokenize.ts";
export { chunkDocument, ZChunkOptions, type TChunk, type TChunkOptions } from "./corpus/chunk.ts";

// Corpus: quality and deduplication
export { scoreChunk, type TQualityReason, type TQualityResult } from "./corpus/quality.ts";
export { QUALITY_REASON_CODES, type TQualityReasonCode } from "./corpus/quality-rules.ts";
export { ZQualitySettings, DEFAULT_QUALITY_SETTINGS, type TQualitySettings, type TQualitySettingsInput } from "./corpus/quality-settings.ts";
export { computeMinHash, estimateJaccard, signatureToBuffer, bufferToSignature, type TMinHashOptions } from "./corpus/minhash.ts";
export { LshIndex, NearDuplicateFinder, findNearDuplicates, exactHash, type TNearDuplicate } from "./corpus/dedup.ts";


// Corpus: per-project settings
export { ZCorpusSettings, resolveCorpusSettings, type TCorpusSettings, type TCorpusSettingsInput } from "./corpus/corpus-settings.ts";

// Knowledge: extraction (L3 chains → L2 relations → L1 concepts), verification, canonicalisation, graph figures
export {
  RELATION_TYPES,
  INVERSE_RELATION,
  RELATION_PHRASE,
  ZRelationType,
  ZSpan,
  ZConcept,
  ZRelation,
  ZChainStep,
  ZChainNote,
  ZNegativeConstraint,
  ZChain,
  ZExtractedChunk,
  type TRelationType,
  type TSpan,
  type TConcept,
  type TRelation,
  type TChainStep,
  type TChainNote,
  type TNegativeConstraint,
  type TChain,
  type TExtractedChunk,
  type TExtractedChunkInput,
  type TRejectedKind,
  type TRejection,
  type TVerifiedExtraction,
} from "./knowledge/types.ts";
export { verifyExtraction, type TVerifyOptions } from "./knowledge/verify-extraction.ts";
export { normalizeTermKey, singularizeWord, keyifyText, containsTerm, matchAcronym, looksLikeAcronym } from "./knowledge/normalize-term.ts";
export {
  extractKnowledgeBuiltin,
  ZBuiltinExtractionOptions,
  type TBuiltinExtractionOptions,
  type TBuiltinExtractionOptionsInput,
} from "./knowledge/builtin/extract-builtin.ts";
export { canonicalizeConcepts, type TConceptInput, type TCanonicalConcept, type TCanonicalization } from "./knowledge/canonicalize-concepts.ts";
export { computeGraphStats, type TGraphStatsInput, type TGraphStats, type TDistribution } from "./knowledge/graph-stats.ts";
