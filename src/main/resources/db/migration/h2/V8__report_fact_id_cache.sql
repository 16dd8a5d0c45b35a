-- H2 writes an identity's next values to its catalogue, and commits that with a store of every changed page (the
-- open transaction's too), each time its cache of 32 numbers runs out: a replay inserting a fact per event paid
-- one such store every 32 facts (docs/performance.md, finding 5). fact_id only orders rows within a position and
-- nothing reads its value, so a larger cache, and the gap a restart leaves after it, cost nothing.
ALTER TABLE report_fact ALTER COLUMN fact_id SET CACHE 10000;
