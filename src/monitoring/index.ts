/** Local-only monitoring: metrics, usage telemetry, health checks and their Prometheus form. */
export { LogHistogram, DEFAULT_RELATIVE_ACCURACY, type HistogramJson } from './histogram.js';
export { Metrics, metricsFile, type MetricsOptions, type MetricsSnapshot, type OperationLatency, type CacheStats, type MemorySample } from './metrics.js';
export { Telemetry, telemetryFile, usageStats, type TelemetryOptions, type TelemetryDocument, type TelemetryDay, type UsageStats } from './telemetry.js';
export { recordCommandRun, type CommandUsageOptions } from './command-usage.js';
export { checkMetricName, METRIC_NAME_RE } from './local-store.js';
export { runHealthChecks, CHECK_NAMES, type HealthSources } from './health/run-health.js';
export { DISK_LIMITS, type StatFs, type StatFsReader } from './health/system-checks.js';
export { formatBytes } from './health/timed-check.js';
export { worstStatus, type CheckResult, type CheckStatus, type HealthReport, type JournalFacts, type DiskFacts, type MemoryFacts } from './health/types.js';
export { formatPrometheus } from './prometheus.js';
