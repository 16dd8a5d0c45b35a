package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.audit.api.ChainHashes;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** Builds the contract's zone-year and city reports from the rows believed at the report's position. */
@Component
class Reports {

    private final ReportRows rows;
    private final ChainHashes chain;
    private final Clock clock;
    private final FiguresCache figures;

    Reports(ReportRows rows, ChainHashes chain, Clock clock, FiguresCache figures) {
        this.rows = rows;
        this.chain = chain;
        this.clock = clock;
        this.figures = figures;
    }

    /**
     * Resolves the two clocks to a position. The position never passes the hash chain's head, so every report can
     * name the chain's value at its position; {@code knownAt} is echoed as given (null when not given), so that a
     * report asked again with {@code atPosition} is the same, byte for byte.
     */
    ReportPoint point(LocalDate asOf, Instant knownAt, Long atPosition) {
        LocalDate businessDate = asOf == null ? LocalDate.now(clock) : asOf;
        long head = Math.min(rows.head().orElse(0L), chain.head().orElse(0L));
        if (atPosition != null) {
            if (atPosition > head) {
                throw new NotFound("位置 %d 尚不在历史中（当前最新 %d）/ position %d is beyond the history (head %d)"
                        .formatted(atPosition, head, atPosition, head));
            }
            return new ReportPoint(businessDate, knownAt, atPosition);
        }
        Long position = knownAt == null
                ? Long.valueOf(head)
                : rows.positionKnownAt(knownAt, head).orElse(null);
        return new ReportPoint(businessDate, knownAt, position == null || position == 0 ? null : position);
    }

    private String positionHash(ReportPoint point) {
        return point.position() == null ? null : chain.hashAt(point.position()).orElse(null);
    }

    ZoneYearReport zoneYear(String zoneId, int year, ReportPoint point) {
        return figures.get(
                new FiguresCache.ReportKey("zone", zoneId, year, point), () -> computeZoneYear(zoneId, year, point));
    }

    private ZoneYearReport computeZoneYear(String zoneId, int year, ReportPoint point) {
        long position = point.positionOrZero();
        ReportRows.Zone zone = rows.zone(zoneId, position).orElseThrow(() -> new UnknownZone(zoneId));
        ReportRows.Targets targets = rows.targets(zoneId, year, position);
        List<CityReport.ZoneLine> city = cityLines(zone.city(), year, point);
        CityReport.ZoneLine own = city.stream()
                .filter(line -> line.zoneId().equals(zoneId))
                .findFirst()
                .orElseThrow();
        ZoneYearFigures figures = own.figures();
        BigDecimal cityForeign = sum(city, CityReport.ZoneLine::foreignCapitalArrivedUsd);
        return new ZoneYearReport(
                zoneId,
                year,
                point.asOf(),
                point.knownAt(),
                figures.projectsSigned(),
                figures.top500Projects(),
                figures.contractInvestmentCny(),
                figures.foreignCapitalArrivedUsd(),
                figures.domesticCapitalArrivedCny(),
                figures.projectsLanded(),
                figures.projectsInProduction(),
                figures.projectsTerminated(),
                new ZoneYearReport.Targets(
                        targets.contractInvestmentCny(), targets.foreignCapitalUsd(), targets.projectCount()),
                Ratios.of(figures.contractInvestmentCny(), targets.contractInvestmentCny()),
                Ratios.of(figures.foreignCapitalArrivedUsd(), targets.foreignCapitalUsd()),
                Ratios.of(figures.projectsSigned(), targets.projectCount()),
                new ZoneYearReport.City(
                        zone.city(), city.size(), cityForeign, own.foreignCapitalShare(), own.foreignCapitalRank()),
                point.position(),
                positionHash(point));
    }

    /**
     * The zone-year report and every dashboard view at one point, from one read of the zone's rows dated up to
     * {@code asOf} (the window's rows, and the later ones the pipeline follows its cohort through).
     */
    ZoneYearViews views(String zoneId, int year, ReportPoint point) {
        return figures.get(
                new FiguresCache.ReportKey("views", zoneId, year, point), () -> computeViews(zoneId, year, point));
    }

    private ZoneYearViews computeViews(String zoneId, int year, ReportPoint point) {
        ZoneYearReport report = zoneYear(zoneId, year, point);
        ReportRows.Zone zone = rows.zone(zoneId, point.positionOrZero()).orElseThrow(() -> new UnknownZone(zoneId));
        List<Fact> facts = rows.facts(zoneId, point.asOf(), point.positionOrZero());
        LocalDate from = point.yearStart(year);
        LocalDate until = point.yearEnd(year);
        return new ZoneYearViews(
                zone.name(),
                report,
                from,
                until,
                DashboardViews.monthly(facts, from, until),
                DashboardViews.industries(facts, from, until),
                DashboardViews.pipeline(facts, from, until, point.asOf()),
                DashboardViews.top500(facts, from, until));
    }

    /** When the last event a report at this position counts was recorded; empty when nothing was. */
    Optional<Instant> recordedAt(Long position) {
        return position == null ? Optional.empty() : rows.recordedAt(position);
    }

    CityReport city(String city, int year, ReportPoint point) {
        return figures.get(new FiguresCache.ReportKey("city", city, year, point), () -> computeCity(city, year, point));
    }

    private CityReport computeCity(String city, int year, ReportPoint point) {
        List<CityReport.ZoneLine> zones = cityLines(city, year, point);
        if (zones.isEmpty()) {
            throw new NotFound("城市 %s 没有开发区 / no zones in city %s".formatted(city, city));
        }
        return new CityReport(
                city,
                year,
                point.asOf(),
                point.knownAt(),
                sum(zones, CityReport.ZoneLine::foreignCapitalArrivedUsd),
                sum(zones, CityReport.ZoneLine::contractInvestmentCny),
                zones.stream().mapToInt(CityReport.ZoneLine::projectsSigned).sum(),
                zones,
                point.position(),
                positionHash(point));
    }

    List<ReportRows.Zone> zones(ReportPoint point) {
        return rows.zones(point.positionOrZero());
    }

    /** The zone's fact rows believed at the point, dated up to {@code until}; 404 for a zone unknown then. */
    List<Fact> facts(String zoneId, LocalDate until, ReportPoint point) {
        rows.zone(zoneId, point.positionOrZero()).orElseThrow(() -> new UnknownZone(zoneId));
        return rows.facts(zoneId, until, point.positionOrZero());
    }

    /**
     * The zone's figures for the year, computed once per state of the zone: the key is the last position that
     * changed one of its facts, and the rows believed at any later position up to the next change are the same.
     */
    private ZoneYearFigures figures(String zoneId, int year, ReportPoint point) {
        long position = point.positionOrZero();
        LocalDate from = point.yearStart(year);
        LocalDate until = point.yearEnd(year);
        return figures.get(
                new FiguresCache.Key(zoneId, from, until, rows.lastChange(zoneId, position)),
                () -> ZoneYearFigures.of(rows.yearFacts(zoneId, from, until, position), from, until));
    }

    /** Every zone of the city with its figures, share and rank (1 + zones with strictly more), by rank. */
    private List<CityReport.ZoneLine> cityLines(String city, int year, ReportPoint point) {
        List<ReportRows.Zone> zones = rows.zonesOfCity(city, point.positionOrZero());
        List<ZoneYearFigures> figures =
                zones.stream().map(zone -> figures(zone.zoneId(), year, point)).toList();
        BigDecimal total = figures.stream()
                .map(ZoneYearFigures::foreignCapitalArrivedUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return IntStream.range(0, zones.size())
                .mapToObj(i -> {
                    BigDecimal foreign = figures.get(i).foreignCapitalArrivedUsd();
                    int rank = 1
                            + (int) figures.stream()
                                    .filter(other ->
                                            other.foreignCapitalArrivedUsd().compareTo(foreign) > 0)
                                    .count();
                    return new CityReport.ZoneLine(
                            zones.get(i).zoneId(),
                            zones.get(i).name(),
                            Ratios.of(foreign, total),
                            rank,
                            figures.get(i));
                })
                .sorted(Comparator.comparingInt(CityReport.ZoneLine::foreignCapitalRank)
                        .thenComparing(CityReport.ZoneLine::zoneId))
                .toList();
    }

    private static BigDecimal sum(List<CityReport.ZoneLine> zones, Function<CityReport.ZoneLine, BigDecimal> figure) {
        return zones.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
