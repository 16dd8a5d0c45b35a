-- The access log is a record too (V22): the application appends to it and never changes, removes or truncates it.
CREATE TRIGGER access_record_append_only BEFORE UPDATE OR DELETE ON access_record
    FOR EACH ROW EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER access_record_no_truncate BEFORE TRUNCATE ON access_record
    FOR EACH STATEMENT EXECUTE FUNCTION reject_rewrite();
