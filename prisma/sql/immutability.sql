-- Frozen artifacts are immutable (DESIGN invariant 3), enforced by the database itself so that no
-- code path (a route, a worker, a script, psql) can change them. Applied after every migration by
-- scripts/prisma.mjs: Prisma's migration runner splits scripts on every ";", even inside a
-- function body, so plpgsql cannot live in a migration file. Idempotent.
--
-- Deletes that cascade from a deleted project are allowed: by the time a cascaded row is deleted its
-- project row is gone, which is how the functions tell a cascade from a direct delete.

CREATE OR REPLACE FUNCTION proda_forbid_frozen_artifact() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."frozenAt" IS NOT NULL THEN
    RAISE EXCEPTION 'proda_frozen: % % is frozen and cannot be changed', TG_TABLE_NAME, OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' AND OLD."frozenAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "Project" WHERE id = OLD."projectId") THEN
    RAISE EXCEPTION 'proda_frozen: % % is frozen and cannot be deleted', TG_TABLE_NAME, OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- Rows inside a frozen artifact: no insert, update or delete while the parent exists and is frozen.
CREATE OR REPLACE FUNCTION proda_forbid_frozen_child() RETURNS trigger AS $$
DECLARE
  parent_table text := TG_ARGV[0];
  parent_column text := TG_ARGV[1];
  parent_id text;
  frozen boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN
    parent_id := to_jsonb(OLD) ->> parent_column;
  ELSE
    parent_id := to_jsonb(NEW) ->> parent_column;
  END IF;
  EXECUTE format('SELECT "frozenAt" IS NOT NULL FROM %I WHERE id = $1', parent_table) INTO frozen USING parent_id;
  IF TG_OP = 'UPDATE' AND NOT coalesce(frozen, false) THEN
    -- Moving a row out of a frozen parent is a change to that parent too.
    EXECUTE format('SELECT "frozenAt" IS NOT NULL FROM %I WHERE id = $1', parent_table) INTO frozen USING to_jsonb(OLD) ->> parent_column;
  END IF;
  IF coalesce(frozen, false) THEN
    RAISE EXCEPTION 'proda_frozen: % % belongs to frozen % %', TG_TABLE_NAME, TG_OP, parent_table, parent_id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS proda_frozen_benchmark ON "Benchmark";
CREATE TRIGGER proda_frozen_benchmark BEFORE UPDATE OR DELETE ON "Benchmark"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_artifact();

DROP TRIGGER IF EXISTS proda_frozen_dataset ON "DatasetVersion";
CREATE TRIGGER proda_frozen_dataset BEFORE UPDATE OR DELETE ON "DatasetVersion"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_artifact();

DROP TRIGGER IF EXISTS proda_frozen_knowledge ON "KnowledgeVersion";
CREATE TRIGGER proda_frozen_knowledge BEFORE UPDATE OR DELETE ON "KnowledgeVersion"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_artifact();

DROP TRIGGER IF EXISTS proda_frozen_benchmark_item ON "BenchmarkItem";
CREATE TRIGGER proda_frozen_benchmark_item BEFORE INSERT OR UPDATE OR DELETE ON "BenchmarkItem"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_child('Benchmark', 'benchmarkId');

DROP TRIGGER IF EXISTS proda_frozen_benchmark_node ON "BenchmarkNode";
CREATE TRIGGER proda_frozen_benchmark_node BEFORE UPDATE OR DELETE ON "BenchmarkNode"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_child('Benchmark', 'benchmarkId');

DROP TRIGGER IF EXISTS proda_frozen_training_sample ON "TrainingSample";
CREATE TRIGGER proda_frozen_training_sample BEFORE INSERT OR UPDATE OR DELETE ON "TrainingSample"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_child('DatasetVersion', 'datasetVersionId');

DROP TRIGGER IF EXISTS proda_frozen_concept ON "Concept";
CREATE TRIGGER proda_frozen_concept BEFORE INSERT OR UPDATE OR DELETE ON "Concept"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_child('KnowledgeVersion', 'versionId');

DROP TRIGGER IF EXISTS proda_frozen_relation ON "Relation";
CREATE TRIGGER proda_frozen_relation BEFORE INSERT OR UPDATE OR DELETE ON "Relation"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_child('KnowledgeVersion', 'versionId');

DROP TRIGGER IF EXISTS proda_frozen_chain ON "Chain";
CREATE TRIGGER proda_frozen_chain BEFORE INSERT OR UPDATE OR DELETE ON "Chain"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_child('KnowledgeVersion', 'versionId');

DROP TRIGGER IF EXISTS proda_frozen_evaluation ON "Evaluation";
CREATE TRIGGER proda_frozen_evaluation BEFORE UPDATE OR DELETE ON "Evaluation"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_artifact();

DROP TRIGGER IF EXISTS proda_frozen_evaluation_result ON "EvaluationResult";
CREATE TRIGGER proda_frozen_evaluation_result BEFORE INSERT OR UPDATE OR DELETE ON "EvaluationResult"
  FOR EACH ROW EXECUTE FUNCTION proda_forbid_frozen_child('Evaluation', 'evaluationId');
