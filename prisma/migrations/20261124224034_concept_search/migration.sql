-- Fuzzy concept search: trigram similarity on terms (pg_trgm is a trusted extension since PG 13,
-- so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "Concept_term_trgm_idx" ON "Concept" USING gin (lower(term) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Concept_version_term_idx" ON "Concept" ("versionId", lower(term) text_pattern_ops);
