-- The signed checkpoints and the keys' announcements are history too (V19): never updated, deleted or truncated.
CREATE TRIGGER chain_checkpoint_append_only BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER chain_checkpoint_no_truncate BEFORE TRUNCATE ON chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER signing_key_append_only BEFORE UPDATE OR DELETE ON signing_key
    FOR EACH ROW EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER signing_key_no_truncate BEFORE TRUNCATE ON signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION reject_rewrite();
