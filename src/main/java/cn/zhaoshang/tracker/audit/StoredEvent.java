package cn.zhaoshang.tracker.audit;

/** One row of Axon's event table exactly as stored: what the hash chain covers. */
record StoredEvent(
        long position,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] metaData,
        byte[] payload) {

    static final String COLUMNS =
            "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision,"
                    + " timeStamp, metaData, payload";

    static StoredEvent from(java.sql.ResultSet row) throws java.sql.SQLException {
        return new StoredEvent(
                row.getLong("globalIndex"),
                row.getString("eventIdentifier"),
                row.getString("aggregateIdentifier"),
                row.getLong("sequenceNumber"),
                row.getString("type"),
                row.getString("payloadType"),
                row.getString("payloadRevision"),
                row.getString("timeStamp"),
                row.getBytes("metaData"),
                row.getBytes("payload"));
    }
}
