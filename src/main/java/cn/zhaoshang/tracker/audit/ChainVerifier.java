package cn.zhaoshang.tracker.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain from the stored events and compares it with the stored hashes, walking both tables in
 * global order side by side (streamed, so the whole history never sits in memory). A changed or reordered event
 * breaks the hash at its position; a deleted event leaves a hash without its event; an inserted event has no hash
 * in the middle of the chain. Events after the chain's head are not chained yet and are counted as pending.
 */
@Component
class ChainVerifier {

    private final DataSource dataSource;

    ChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Verification(
            boolean valid,
            long eventsChecked,
            Long headPosition,
            String headHash,
            Long firstInvalidPosition,
            String detail,
            long pendingEvents) {}

    Verification verify() throws SQLException {
        try (Connection events = dataSource.getConnection();
                Connection chain = dataSource.getConnection();
                PreparedStatement eventQuery = events.prepareStatement(
                        "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex");
                PreparedStatement hashQuery =
                        chain.prepareStatement("SELECT position, hash FROM event_hash ORDER BY position")) {
            eventQuery.setFetchSize(1000);
            hashQuery.setFetchSize(1000);
            try (ResultSet eventRows = eventQuery.executeQuery();
                    ResultSet hashRows = hashQuery.executeQuery()) {
                return walk(eventRows, hashRows);
            }
        }
    }

    private static Verification walk(ResultSet eventRows, ResultSet hashRows) throws SQLException {
        String previous = HashChain.GENESIS;
        Long head = null;
        long checked = 0;
        boolean moreHashes = hashRows.next();
        while (eventRows.next()) {
            StoredEvent event = StoredEvent.from(eventRows);
            if (!moreHashes) {
                long pending = 1;
                while (eventRows.next()) {
                    pending++;
                }
                return new Verification(true, checked, head, head == null ? null : previous, null, null, pending);
            }
            long chained = hashRows.getLong(1);
            if (chained < event.position()) {
                return broken(checked, chained, "位置 %d 的事件已被删除 / the event at position %d was deleted");
            }
            if (event.position() < chained) {
                return broken(
                        checked,
                        event.position(),
                        "位置 %d 的事件不在哈希链中（被插入）/ the event at position %d is not in the chain (inserted)");
            }
            String hash = hashRows.getString(2);
            if (!HashChain.next(previous, event).equals(hash)) {
                return broken(
                        checked,
                        event.position(),
                        "位置 %d 的事件内容、元数据或顺序已被改动 / the event at position %d was changed or moved");
            }
            previous = hash;
            head = event.position();
            checked++;
            moreHashes = hashRows.next();
        }
        if (moreHashes) {
            return broken(checked, hashRows.getLong(1), "位置 %d 的事件已被删除 / the event at position %d was deleted");
        }
        return new Verification(true, checked, head, head == null ? null : previous, null, null, 0);
    }

    private static Verification broken(long checked, long position, String message) {
        return new Verification(false, checked, null, null, position, message.formatted(position, position), 0);
    }
}
