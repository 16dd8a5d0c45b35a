-- The instances no longer count each other to share the report's segments: Axon's claims in TokenEntry decide who
-- processes what, and a survivor takes a dead instance's segments once its claims time out (ADR 0020). V7's table
-- has no reader left.
DROP TABLE processing_node;
