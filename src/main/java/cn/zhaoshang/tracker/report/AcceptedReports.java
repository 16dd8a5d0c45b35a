package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.submission.api.AcceptedMonths;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * City and province reports on the official figures of a month ({@code basis=accepted}, governance.md §3): each
 * zone counts with its accepted submission of the month; a zone without one is listed in {@code missing} and counts
 * as zero. Shares and ranks follow the city report's rules ({@link Ranking}).
 */
@Component
class AcceptedReports {

    /** The basis an accepted report says it stands on. */
    static final String BASIS = "accepted";

    record City(
            String city,
            int year,
            int month,
            String basis,
            @JsonUnwrapped Totals totals,
            List<CityReport.ZoneLine> zones,
            List<String> missing) {}

    record Province(
            String province,
            int year,
            int month,
            String basis,
            @JsonUnwrapped Totals totals,
            List<ProvinceReport.CityLine> cities,
            List<CityReport.ZoneLine> zones,
            List<String> missing) {}

    private final ReportRows rows;
    private final AcceptedMonths accepted;

    AcceptedReports(ReportRows rows, AcceptedMonths accepted) {
        this.rows = rows;
        this.accepted = accepted;
    }

    City city(String city, int year, int month) {
        List<ReportRows.Zone> zones = rows.zonesOfCity(city, Long.MAX_VALUE);
        if (zones.isEmpty()) {
            throw new NotFound("城市 %s 没有开发区 / no zones in city %s".formatted(city, city));
        }
        Map<String, AcceptedMonths.Accepted> official = official(zones, year, month);
        List<CityReport.ZoneLine> lines = Reports.ranked(figured(zones, official));
        return new City(city, year, month, BASIS, Totals.of(lines), lines, missing(zones, official));
    }

    Province province(String province, int year, int month) {
        List<ReportRows.Zone> zones = rows.zonesOfProvince(province, Long.MAX_VALUE);
        if (zones.isEmpty()) {
            throw new NotFound("省份 %s 没有开发区 / no zones in province %s".formatted(province, province));
        }
        Map<String, AcceptedMonths.Accepted> official = official(zones, year, month);
        List<Reports.Figured> figured = figured(zones, official);
        Map<String, List<CityReport.ZoneLine>> cities = figured.stream()
                .collect(Collectors.groupingBy(
                        zone -> zone.zone().city(),
                        TreeMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), Reports::ranked)));
        List<Map.Entry<String, Totals>> cityTotals = cities.entrySet().stream()
                .map(city -> Map.entry(city.getKey(), Totals.of(city.getValue())))
                .toList();
        List<CityReport.ZoneLine> lines = Reports.ranked(figured);
        return new Province(
                province,
                year,
                month,
                BASIS,
                Totals.of(lines),
                Ranking.of(
                        cityTotals,
                        city -> city.getValue().foreignCapitalArrivedUsd(),
                        Map.Entry::getKey,
                        (city, share, rank) -> new ProvinceReport.CityLine(
                                city.getKey(), cities.get(city.getKey()).size(), city.getValue(), share, rank)),
                lines,
                missing(zones, official));
    }

    private Map<String, AcceptedMonths.Accepted> official(List<ReportRows.Zone> zones, int year, int month) {
        return accepted.of(zones.stream().map(ReportRows.Zone::zoneId).toList(), year, month);
    }

    private static List<Reports.Figured> figured(
            List<ReportRows.Zone> zones, Map<String, AcceptedMonths.Accepted> official) {
        return zones.stream()
                .map(zone -> new Reports.Figured(zone, figures(official.get(zone.zoneId()))))
                .toList();
    }

    private static List<String> missing(List<ReportRows.Zone> zones, Map<String, AcceptedMonths.Accepted> official) {
        return zones.stream()
                .map(ReportRows.Zone::zoneId)
                .filter(zone -> !official.containsKey(zone))
                .sorted()
                .toList();
    }

    /** The figures a submission froze; zero for a zone without an accepted one. */
    private static ZoneYearFigures figures(AcceptedMonths.Accepted submission) {
        if (submission == null) {
            return new ZoneYearFigures(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);
        }
        JsonNode figures = submission.figures();
        return new ZoneYearFigures(
                figures.path("projectsSigned").asInt(),
                figures.path("top500Projects").asInt(),
                amount(figures, "contractInvestmentCny"),
                amount(figures, "foreignCapitalArrivedUsd"),
                amount(figures, "domesticCapitalArrivedCny"),
                figures.path("projectsLanded").asInt(),
                figures.path("projectsInProduction").asInt(),
                figures.path("projectsTerminated").asInt());
    }

    private static BigDecimal amount(JsonNode figures, String field) {
        JsonNode amount = figures.get(field);
        return amount == null || amount.isNull() ? BigDecimal.ZERO : amount.decimalValue();
    }
}
