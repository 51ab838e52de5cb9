-- An inlined report_fact_buckets() in a set-based query (FROM facts, LATERAL buckets(f), GROUP BY)
-- trips a planner error on PostgreSQL 15 and PGlite ("variable not found in subplan target list").
-- VOLATILE keeps the planner from inlining it; the trigger and the rebuild then both work.
ALTER FUNCTION report_fact_buckets(report_dossier_facts) VOLATILE;
