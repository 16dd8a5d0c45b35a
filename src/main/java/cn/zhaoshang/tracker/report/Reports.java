package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.audit.api.ChainHashes;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.SignedCheckpoints;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds the contract's zone-year, city and province reports from the rows believed at the report's position. */
@Component
class Reports {

    private final ReportRows rows;
    private final ChainHashes chain;
    private final SignedCheckpoints checkpoints;
    private final Clock clock;
    private final FiguresCache figures;

    Reports(ReportRows rows, ChainHashes chain, SignedCheckpoints checkpoints, Clock clock, FiguresCache figures) {
        this.rows = rows;
        this.checkpoints = checkpoints;
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

    /** The signed checkpoint the report stands on: the end of the commit that holds its position. */
    private SignedCheckpoints.Stamp stamp(ReportPoint point) {
        return point.position() == null
                ? null
                : checkpoints.covering(point.position()).orElse(null);
    }

    private String positionHash(ReportPoint point) {
        return point.position() == null ? null : chain.hashAt(point.position()).orElse(null);
    }

    ZoneYearReport zoneYear(String zoneId, int year, ReportPoint point) {
        return figures.get(
                new FiguresCache.ReportKey("zone", zoneId, year, point), () -> computeZoneYear(zoneId, year, point));
    }

    private ZoneYearReport computeZoneYear(String zoneId, int year, ReportPoint point) {
        ReportRows.Zone zone = rows.zone(zoneId, point.positionOrZero()).orElseThrow(() -> new UnknownZone(zoneId));
        return zoneYear(zone, cityLines(zone.city(), year, point), year, point, positionHash(point), stamp(point));
    }

    /** The zone's report from the lines of its city, which hold its figures, share and rank. */
    private ZoneYearReport zoneYear(
            ReportRows.Zone zone,
            List<CityReport.ZoneLine> city,
            int year,
            ReportPoint point,
            String positionHash,
            SignedCheckpoints.Stamp stamp) {
        ReportRows.Targets targets = rows.targets(zone.zoneId(), year, point.positionOrZero());
        CityReport.ZoneLine own = city.stream()
                .filter(line -> line.zoneId().equals(zone.zoneId()))
                .findFirst()
                .orElseThrow();
        ZoneYearFigures figures = own.figures();
        return new ZoneYearReport(
                zone.zoneId(),
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
                        zone.city(),
                        city.size(),
                        Totals.of(city).foreignCapitalArrivedUsd(),
                        own.foreignCapitalShare(),
                        own.foreignCapitalRank()),
                point.position(),
                positionHash,
                stamp);
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
        Totals totals = Totals.of(zones);
        return new CityReport(
                city,
                year,
                point.asOf(),
                point.knownAt(),
                totals.foreignCapitalArrivedUsd(),
                totals.contractInvestmentCny(),
                totals.projectsSigned(),
                zones,
                point.position(),
                positionHash(point),
                stamp(point));
    }

    ProvinceReport province(String province, int year, ReportPoint point) {
        return figures.get(
                new FiguresCache.ReportKey("province", province, year, point),
                () -> computeProvince(province, year, point));
    }

    /**
     * The province's zones, figured once: each city's lines are its city report's, each zone's report is built from
     * its city's lines, and cities and zones are ranked in the province as zones are in a city.
     */
    private ProvinceReport computeProvince(String province, int year, ReportPoint point) {
        List<Figured> zones = figured(rows.zonesOfProvince(province, point.positionOrZero()), year, point);
        if (zones.isEmpty()) {
            throw new NotFound("省份 %s 没有开发区 / no zones in province %s".formatted(province, province));
        }
        Map<String, List<CityReport.ZoneLine>> cities = zones.stream()
                .collect(Collectors.groupingBy(
                        zone -> zone.zone().city(),
                        TreeMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), Reports::ranked)));
        Map<String, Totals> cityTotals = new TreeMap<>();
        cities.forEach((city, lines) -> cityTotals.put(city, Totals.of(lines)));
        String positionHash = positionHash(point);
        return new ProvinceReport(
                province,
                year,
                point.asOf(),
                point.knownAt(),
                Totals.of(cities.values().stream().flatMap(List::stream).toList()),
                Ranking.of(
                        List.copyOf(cityTotals.entrySet()),
                        city -> city.getValue().foreignCapitalArrivedUsd(),
                        Map.Entry::getKey,
                        (city, share, rank) -> new ProvinceReport.CityLine(
                                city.getKey(), cities.get(city.getKey()).size(), city.getValue(), share, rank)),
                Ranking.of(
                        zones,
                        Figured::foreignCapital,
                        Figured::zoneId,
                        (zone, share, rank) -> new ProvinceReport.ZoneLine(
                                zone.zone().zoneId(),
                                zone.zone().name(),
                                share,
                                rank,
                                zoneYear(
                                        zone.zone(), cities.get(zone.zone().city()), year, point, positionHash, null))),
                point.position(),
                positionHash,
                stamp(point));
    }

    List<ReportRows.Zone> zones(ReportPoint point) {
        return rows.zones(point.positionOrZero());
    }

    /** The zones known at the point that the reader may see, for a page's choice of zone. */
    List<ReportRows.Zone> zones(ReportPoint point, Reach reach) {
        return zones(point).stream()
                .filter(zone -> reach.seesZone(zone.zoneId()))
                .toList();
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

    /** Every zone of the city with its figures, share and rank, by rank. */
    private List<CityReport.ZoneLine> cityLines(String city, int year, ReportPoint point) {
        return ranked(figured(rows.zonesOfCity(city, point.positionOrZero()), year, point));
    }

    /** A zone with its figures for the year. */
    record Figured(ReportRows.Zone zone, ZoneYearFigures figures) {

        BigDecimal foreignCapital() {
            return figures.foreignCapitalArrivedUsd();
        }

        String zoneId() {
            return zone.zoneId();
        }
    }

    private List<Figured> figured(List<ReportRows.Zone> zones, int year, ReportPoint point) {
        return zones.stream()
                .map(zone -> new Figured(zone, figures(zone.zoneId(), year, point)))
                .toList();
    }

    /** The zones of one city as the city report lists them: with their share of the city and their rank in it. */
    static List<CityReport.ZoneLine> ranked(List<Figured> zones) {
        return Ranking.of(
                zones,
                Figured::foreignCapital,
                Figured::zoneId,
                (zone, share, rank) -> new CityReport.ZoneLine(
                        zone.zone().zoneId(), zone.zone().name(), share, rank, zone.figures()));
    }
}
