/** The analyzer: sentiment, themes, mood trend. Pure functions; callers pass the clock and the entries. */
export { analyzeSentiment, labelScore, sentimentScore, SENTIMENT_THRESHOLDS, type Sentiment, type SentimentThresholds } from './sentiment.js';
export { themeCandidates, type ThemeCandidate, type ThemeKind } from './theme-candidates.js';
export { buildThemeCorpus, themeCorpusFromKeys, extractThemes, formatTheme, parseTheme, inverseFrequency, EMPTY_THEME_CORPUS, type Theme, type ThemeCorpus, type ThemeOptions } from './themes.js';
export { emotionalTrend, moodSeries, movingAverage, periodDays, type EmotionalTrend, type MoodDay, type MoodEntry, type TrendOptions, type TrendPeriod } from './trend.js';
export { analyzeEntry, needsAnalysis, type EntryAnalysis } from './analyze-entry.js';
export { ANALYZER_VERSION } from './version.js';
export { addDays, dayKey, dayRange, daysBetween, entryDay, entryHour, weekday } from './days.js';
