/**
 * Insight services: stored analysis, summaries with a reflection (built-in or map-reduce with a model), and
 * answers to questions from the journal. They orchestrate src/core/analysis, src/core/summary, the
 * detectors in src/security and an AIProvider; the CLI renders what they return.
 */
export { ensureAnalysis, analyzeSavedEntry, type AnalysisJournal, type AnalysisResult } from './analysis-store.js';
export { themeCorpusFor } from './theme-corpus.js';
export { isQuarantined, splitQuarantined, quarantineStates, quarantineFor, QUARANTINE_MIN_ENTRIES, QUARANTINE_MIN_WORDS, QUARANTINE_BASELINE_ENTRIES, type QuarantinedEntry } from './quarantine.js';
export { prepareModelContext, redactLikeContext, type ModelPolicy, type ModelItem, type ModelContext, type ExcludedEntry } from './model-context.js';
export { isRemoteProvider, modelPolicyFor, type ProviderPlace, type SecuritySettings } from './model-policy.js';
export { emptyUsage, type ModelUsage } from './model-usage.js';
export { parseNotes, renderNotes, type Note, type Citable } from './notes.js';
export { mapPrompt, mergePrompt, reflectionPrompt, type CallPrompt } from './reflection-prompts.js';
export { validateProse, type OutputCheck, type ProseLimits } from './validate-output.js';
export { writeReflection, builtinResult, type Reflection, type ReflectionEvent, type ReflectionOptions, type ReflectionResult } from './reflection-service.js';
export { resolvePeriod, prepareSummary, reflectOnSummary, summaryReport, type PeriodChoice, type DayRange, type PreparedSummary, type SummaryReflection, type ReflectOptions, type SummaryReport } from './summary-service.js';
export { retrieve, type Retrieval, type Retrieved, type RetrievalOptions, type SearchDoc, type Embed } from './retrieval.js';
export { extractiveAnswer, sentences, type Quote } from './extractive-answer.js';
export { answerPrompt, NO_ANSWER } from './answer-prompt.js';
export { askJournal, NOTHING_FOUND, type AskReport, type AskOptions, type Citation } from './ask-service.js';
