-- The access log is a record too (V22): the application appends to it and never changes or removes a row.
CREATE TRIGGER access_record_append_only BEFORE UPDATE, DELETE ON access_record
    FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger';
