package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.audit.api.ChainHashes;
import cn.zhaoshang.tracker.platform.ProcessorProgress;
import cn.zhaoshang.tracker.shared.AccessRecords;
import cn.zhaoshang.tracker.shared.AccessRecords.Kind;
import cn.zhaoshang.tracker.shared.Reach;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The audit's reads put on the access log, the same way from the API and from the pages. */
@Component
class AuditReads {

    private final AccessRecords records;
    private final ChainHashes chain;
    private final ProcessorProgress progress;

    AuditReads(AccessRecords records, ChainHashes chain, ProcessorProgress progress) {
        this.records = records;
        this.chain = chain;
        this.progress = progress;
    }

    /**
     * Records an export about to be streamed and returns the position it stops at: the store's last event now, so
     * that the record says exactly which history left. Its hash is the chain's there (what the trailer of an export
     * of the whole store repeats); none when that event has no link, which only a change from outside leaves.
     */
    long exported(Reach reach) {
        Optional<Long> head = Optional.of(progress.head()).filter(position -> position > 0);
        String hash = head.filter(position -> chain.head().equals(Optional.of(position)))
                .flatMap(chain::hashAt)
                .orElse(null);
        records.record(new AccessRecords.Read(
                Kind.EXPORTED, null, null, head.orElse(null), hash, "events.ndjson: " + scope(reach), "OK"));
        return head.orElse(0L);
    }

    void verified(ChainVerifier.Verification verification) {
        records.record(new AccessRecords.Read(
                Kind.VERIFIED,
                null,
                null,
                verification.headPosition(),
                verification.headHash(),
                null,
                verification.valid()
                        ? "VALID: %d events, %d checkpoints"
                                .formatted(verification.eventsChecked(), verification.checkpointsChecked())
                        : "BROKEN at %s: %s".formatted(verification.firstInvalidPosition(), verification.detail())));
    }

    /** A replay run on the caller's thread, on the record with its outcome, a failure included. */
    Replay.Result replayed(Supplier<Replay.Result> replay) {
        Long head = chain.head().orElse(null);
        Replay.Result result;
        try {
            result = replay.get();
        } catch (RuntimeException failed) {
            replayed(head, "FAILED: " + failed.getMessage());
            throw failed;
        }
        replayed(
                head,
                (result.projectionsMatch() ? "MATCH" : "MISMATCH") + ": %d events".formatted(result.eventsReplayed()));
        return result;
    }

    /** A replay started in the background (or refused because one runs), from the page. */
    void replayStarted(Optional<ReplayRuns.Status> started) {
        replayed(
                chain.head().orElse(null),
                started.map(run -> "STARTED: run " + run.run()).orElse("REFUSED: a replay is running"));
    }

    private void replayed(Long head, String outcome) {
        records.record(new AccessRecords.Read(Kind.REPLAYED, null, null, head, null, null, outcome));
    }

    private static String scope(Reach reach) {
        if (reach.everyZone() && reach.provinceWide()) {
            return "whole store";
        }
        return "zones=" + reach.zones().stream().sorted().collect(Collectors.joining(","));
    }
}
