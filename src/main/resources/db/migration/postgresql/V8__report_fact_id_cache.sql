-- Twin of h2/V7: H2 commits its identity's cache to the catalogue every 32 numbers, PostgreSQL logs a sequence
-- cheaply and hands a session cached numbers out of order with other sessions', so fact_id keeps taking its
-- numbers one by one here (as V3 created it).
ALTER TABLE report_fact ALTER COLUMN fact_id SET CACHE 1;
