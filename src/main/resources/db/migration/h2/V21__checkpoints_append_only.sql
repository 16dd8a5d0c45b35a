-- The signed checkpoints and the keys' announcements are history too (V19): never updated or deleted.
CREATE TRIGGER chain_checkpoint_append_only BEFORE UPDATE, DELETE ON chain_checkpoint
    FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger';
CREATE TRIGGER signing_key_append_only BEFORE UPDATE, DELETE ON signing_key
    FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger';
