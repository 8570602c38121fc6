// The audit log writer lives in @proda/pipeline, which the loop runner in the worker shares; this
// path stays so the app's many callers keep one import.
export { audit, type AuditInput } from "@proda/pipeline";
