package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.platform.ProcessorProgress;
import cn.zhaoshang.tracker.project.api.FindEvidence;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.shared.Reach;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A random sample of the history an auditor can reproduce: the same seed, position and filter draw the same events
 * or projects again, on any instance and after any number of new events. The population is the log's entries that
 * match the filter up to the position, in global order; {@code size} of them are drawn by reservoir sampling
 * (Algorithm R) with {@link SplittableRandom} seeded by the seed, and listed in global order. A project is drawn by
 * its signing.
 */
@Component
class Samples {

    static final int LARGEST = 100;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final EventLog log;
    private final ProcessorProgress progress;
    private final QueryGateway queries;

    Samples(EventLog log, ProcessorProgress progress, QueryGateway queries) {
        this.log = log;
        this.progress = progress;
        this.queries = queries;
    }

    enum Of {
        EVENTS,
        PROJECTS
    }

    /** What was asked, completed: the seed drawn when none was given, the store's head when no position was. */
    record Request(Of of, int size, long seed, long atPosition, String zone, String type) {}

    /**
     * The drawn entries with the names of their subjects and, for each, the evidence recorded up to the position: for
     * a project all of its files, for an event the files attached to that event.
     */
    record Sample(
            Request request,
            long population,
            List<EventLog.Logged> drawn,
            Map<EventLog.Subject, String> names,
            Map<Long, List<FindEvidence.Result>> evidence) {}

    static long newSeed() {
        // positive and at most 12 digits: short enough to read out and type again
        return 1 + SEEDS.nextLong(999_999_999_999L);
    }

    Request complete(Of of, int size, Long seed, Long atPosition, String zone, String type) {
        return new Request(
                of,
                size,
                seed == null ? newSeed() : seed,
                atPosition == null ? progress.head() : atPosition,
                zone,
                of == Of.PROJECTS ? ProjectSigned.class.getSimpleName() : type);
    }

    Sample draw(Request request, Reach reach) {
        EventLog.Filter filter = new EventLog.Filter(request.type(), null, request.zone(), null, null, reach);
        long[] reservoir = new long[request.size()];
        long[] seen = {0};
        SplittableRandom random = new SplittableRandom(request.seed());
        log.positions(filter, request.atPosition(), position -> {
            long index = seen[0]++;
            if (index < reservoir.length) {
                reservoir[(int) index] = position;
            } else {
                long slot = random.nextLong(index + 1);
                if (slot < reservoir.length) {
                    reservoir[(int) slot] = position;
                }
            }
        });
        long[] positions = Arrays.copyOf(reservoir, (int) Math.min(seen[0], reservoir.length));
        Arrays.sort(positions);
        List<EventLog.Logged> drawn = Arrays.stream(positions)
                .mapToObj(position -> log.at(position, reach).orElseThrow())
                .toList();
        Map<Long, List<FindEvidence.Result>> evidence = new HashMap<>();
        for (EventLog.Logged logged : drawn) {
            evidence.put(logged.entry().position(), evidence(logged, request));
        }
        return new Sample(
                request,
                seen[0],
                drawn,
                log.names(drawn.stream().map(EventLog.Logged::subject).toList()),
                evidence);
    }

    private List<FindEvidence.Result> evidence(EventLog.Logged logged, Request request) {
        EventLog.Subject subject = logged.subject();
        EventLog.Entry entry = logged.entry();
        if (subject.kind() != EventLog.Subject.Kind.PROJECT
                || !entry.aggregateId().equals(subject.id())) {
            return List.of();
        }
        return queries
                .query(new FindEvidence(subject.id()), ResponseTypes.multipleInstancesOf(FindEvidence.Result.class))
                .join()
                .stream()
                .filter(file -> file.position() <= request.atPosition())
                .filter(file -> request.of() == Of.PROJECTS || file.attachedTo() == entry.sequence())
                .toList();
    }
}
