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

// Tester: benchmark items from L3 chains, distractors from typed perturbations of L2 relations
export {
  PERTURB_OPERATORS,
  GraphView,
  perturbRelation,
  createRandom,
  shuffleWith,
  renderStatement,
  phraseOf,
  type TPerturbOperator,
  type TRelationOperator,
  type TGraphConcept,
  type TGraphRelation,
  type TStatement,
  type TPerturbation,
} from "./tester/perturb.ts";
export {
  ZBenchmarkItem,
  ZTesterSettings,
  ZBenchmarkSettings,
  ZTesterChain,
  ZDistractor,
  ZItemOption,
  ZPerturbOperator,
  OPTION_LABELS,
  ITEM_KINDS,
  type TBenchmarkItem,
  type TTesterSettings,
  type TTesterSettingsInput,
  type TBenchmarkSettings,
  type TTesterChain,
  type TTesterChainInput,
  type TDistractor,
  type TItemOption,
  type TItemKind,
} from "./tester/item-types.ts";
export { generateItems, type TGenerateOptions, type TGenerateResult, type TItemDraft, type TSkipped } from "./tester/generate-items.ts";
export { computeItemKey, rateDifficulty } from "./tester/build-item.ts";
export { fitOptionLengths, measureLengthRatio, measurePairExcess, LengthBalancer, SlotBalancer, type TLengthSlot, type TLengthTarget, type TLengthFit } from "./tester/balance.ts";
export { dedupItems, ItemDeduplicator, fingerprintItem, normalizeItemText, type TItemDuplicate, type TDedupText } from "./tester/dedup-items.ts";
export { computeBenchmarkStats, scoreLengthGuesser, type TBenchmarkStats, type TLengthGuesserReport, type TGuesserScore } from "./tester/benchmark-stats.ts";

// Builder: dataset versions from L1/L2, grounded in their source chunks, rebuilt exactly from a recipe
export {
  SAMPLE_TYPES,
  BUILDER_VERSION,
  DEFAULT_RATIOS,
  ZSampleType,
  ZRatios,
  ZRecipe,
  allocateTypeCounts,
  type TSampleType,
  type TRatios,
  type TRecipe,
  type TRecipeInput,
} from "./builder/recipe.ts";
export { buildDataset, type TBuildOptions, type TBuildResult, type TBuildStats } from "./builder/build-dataset.ts";
export { computeCoverage, type TCoverage, type TCoverageShare } from "./builder/coverage.ts";
export { diffDatasets, hashDataset, computeSampleKey, type TDatasetDiff } from "./builder/diff-datasets.ts";
export type {
  TBuilderConcept,
  TBuilderRelation,
  TBuilderChunk,
  TBuilderInput,
  TMessage,
  TSample,
  TSampleMeta,
  TSampleDraft,
  TWordingHook,
} from "./builder/types.ts";

// Contamination guard: benchmark text never in training data (exact, near-duplicate, 13-gram overlap)
export {
  checkContamination,
  ContaminationGuard,
  ZContaminationOptions,
  CONTAMINATION_HIT_KINDS,
  type TContaminationOptions,
  type TContaminationOptionsInput,
  type TContaminationSample,
  type TContaminationItem,
  type TContaminationHit,
  type TContaminationHitKind,
  type TContaminationReport,
  type TNodeReportEntry,
} from "./contamination/check-contamination.ts";
export { resolveTrainingGate, ZContaminationOverride, type TContaminationOverride, type TTrainingGate } from "./contamination/training-gate.ts";
export { NgramIndex, hashNgrams, type TNgramRun } from "./contamination/ngram-index.ts";
export { normalizeTokens } from "./contamination/normalize-tokens.ts";

// Exports: datasets (ShareGPT, Alpaca, OpenAI chat, LLaMA-Factory) and benchmarks (JSONL, lm-eval, OpenCompass), node ids kept
export {
  DATASET_EXPORT_FORMATS,
  BENCHMARK_EXPORT_FORMATS,
  ZBenchmarkExportItem,
  type TExportFile,
  type TExportResult,
  type TExportStream,
  type TDatasetExportFormat,
  type TBenchmarkExportFormat,
  type TExportFormat,
  type TBenchmarkExportItem,
  type TBenchmarkExportItemInput,
} from "./exports/types.ts";
export { exportDataset, streamDatasetExport, type TDatasetExportOptions } from "./exports/dataset-exports.ts";
export { exportBenchmark, streamBenchmarkExport, listLetterSets, type TBenchmarkExportOptions } from "./exports/benchmark-exports.ts";
export { parseExport, type TParsedExport, type TParsedSample } from "./exports/parse-export.ts";
export { toBenchmarkExportItem } from "./exports/from-tester-item.ts";

// Builtin student: a CPU model that learns only from its training samples and answers from item text alone
export { trainStudent, serializeStudent, deserializeStudent, statementOfTrueFalse, type TStudentModel, type TStudentSample, type TStudentLogEntry } from "./student/train-student.ts";
export { answerItem, scoreOptions, type TStudentQuestion, type TStudentAnswer } from "./student/answer-item.ts";
export { readStatement, stripFraming, type TReading } from "./student/read-statement.ts";

// Evaluation: answer parsing (reasoning stripped, labels canonicalised) and accuracy breakdowns
export { parseAnswer, canonicalAnswer, type TParsedAnswer } from "./evaluation/parse-answer.ts";
export { summarizeResults, type TResultForSummary, type TEvaluationSummary, type TAccuracy } from "./evaluation/summarize-results.ts";

// Debugger: structural diagnosis of failures, the patch plan and dataset V2 (refine, chain-of-thought, replay), the random control
export { diagnoseFailure, countTeaching, DIAGNOSIS_CLASSES, type TDiagnosis, type TDiagnosisClass, type TFailedItem, type TStructuralEvidence, type TTeachingCounts } from "./debugger/diagnose.ts";
export { planPatch, ZPatchPlan, type TPatchPlan, type TPatchPlanInput, type TPlanOptions } from "./debugger/plan-patch.ts";
export { buildPatchedDataset, buildRandomControl, REFINE_RATIOS, type TPatchInput, type TPatchResult } from "./debugger/build-patch.ts";
export { makeChainWalkthrough } from "./debugger/chain-walkthrough.ts";
export { cohensKappa, spearmanRho } from "./debugger/agreement.ts";
export { ZPatchRecipe, isPatchRecipe, type TPatchRecipe } from "./debugger/patch-recipe.ts";
