package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import cn.zhaoshang.tracker.zone.api.ListZones;
import cn.zhaoshang.tracker.zone.api.ZonePlaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A city's month at a glance (报送情况): every zone of the city with where its submission stands. A month not accepted
 * by the due day of the next month ({@code tracker.submission-due-day}, the 10th) is OVERDUE.
 */
@Component
class SubmissionBoard {

    enum Standing {
        NOT_SUBMITTED,
        SUBMITTED,
        RETURNED,
        ACCEPTED,
        OVERDUE
    }

    /** One zone's line: its standing, the submission that decides it, and the accepted figures' key totals. */
    record Line(
            String zoneId,
            String name,
            Standing status,
            String submissionId,
            JsonNode projectsSigned,
            JsonNode contractInvestmentCny,
            JsonNode foreignCapitalArrivedUsd) {}

    record Board(String city, int year, int month, LocalDate dueOn, List<Line> zones) {}

    private final SubmissionBook book;
    private final ZonePlaces places;
    private final QueryGateway queries;
    private final Clock clock;
    private final SubmissionCalendar calendar;

    SubmissionBoard(
            SubmissionBook book, ZonePlaces places, QueryGateway queries, Clock clock, SubmissionCalendar calendar) {
        this.book = book;
        this.places = places;
        this.queries = queries;
        this.clock = clock;
        this.calendar = calendar;
    }

    Board of(String city, int year, int month) {
        Set<String> zoneIds = places.places().stream()
                .filter(place -> place.city().equals(city))
                .map(ZonePlaces.Place::zoneId)
                .collect(Collectors.toSet());
        if (zoneIds.isEmpty()) {
            throw new NotFound("城市 %s 不存在 / unknown city %s".formatted(city, city));
        }
        LocalDate dueOn = calendar.dueOn(YearMonth.of(year, month));
        boolean due = LocalDate.now(clock).isAfter(dueOn);
        List<ListZones.Zone> zones = queries.query(
                        new ListZones(zoneIds), ResponseTypes.multipleInstancesOf(ListZones.Zone.class))
                .join();
        return new Board(
                city,
                year,
                month,
                dueOn,
                zones.stream()
                        .sorted(Comparator.comparing(ListZones.Zone::id))
                        .map(zone -> line(zone, year, month, due))
                        .toList());
    }

    /** The boards of the cities with zones in {@code reach}, each with only those zones. */
    List<Board> within(Reach reach, int year, int month) {
        return places.places().stream()
                .filter(place -> reach.seesZone(place.zoneId()))
                .map(ZonePlaces.Place::city)
                .distinct()
                .sorted()
                .map(city -> of(city, year, month))
                .map(board -> new Board(
                        board.city(),
                        board.year(),
                        board.month(),
                        board.dueOn(),
                        board.zones().stream()
                                .filter(line -> reach.seesZone(line.zoneId()))
                                .toList()))
                .toList();
    }

    private Line line(ListZones.Zone zone, int year, int month, boolean due) {
        List<SubmissionBook.Stored> submissions = book.ofMonth(zone.id(), year, month);
        Optional<SubmissionBook.Stored> accepted = submissions.stream()
                .filter(submission -> submission.status() == SubmissionStatus.ACCEPTED)
                .findFirst();
        if (accepted.isPresent()) {
            JsonNode figures = accepted.get().figures();
            return new Line(
                    zone.id(),
                    zone.name(),
                    Standing.ACCEPTED,
                    accepted.get().id(),
                    figures.get("projectsSigned"),
                    figures.get("contractInvestmentCny"),
                    figures.get("foreignCapitalArrivedUsd"));
        }
        Optional<SubmissionBook.Stored> latest = submissions.stream().findFirst();
        Standing standing = due
                ? Standing.OVERDUE
                : latest.map(submission -> submission.status() == SubmissionStatus.RETURNED
                                ? Standing.RETURNED
                                : Standing.SUBMITTED)
                        .orElse(Standing.NOT_SUBMITTED);
        return new Line(
                zone.id(),
                zone.name(),
                standing,
                latest.map(SubmissionBook.Stored::id).orElse(null),
                null,
                null,
                null);
    }
}
