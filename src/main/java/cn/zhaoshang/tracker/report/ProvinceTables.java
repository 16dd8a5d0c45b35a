package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * 全省排名 on the dashboard, for leaders who look after a province: its cities and its zones by rank, each with the
 * foreign capital received, the contracted investment, the share of the province and the rank, written as the
 * dashboard writes those figures (their units and names are {@link Caliber}'s).
 */
@Component
class ProvinceTables {

    /** A city or a zone as one line of text: rank, name and the three figures. */
    record Row(String id, String rank, String name, String foreignCapital, String contractInvestment, String share) {}

    record Tables(
            String provinceId,
            String provinceName,
            String foreignCapitalLabel,
            String contractInvestmentLabel,
            List<Row> cities,
            List<Row> zones) {}

    private final CaliberTexts calibers;

    ProvinceTables(CaliberTexts calibers) {
        this.calibers = calibers;
    }

    Tables of(ProvinceReport report, Locale locale) {
        return new Tables(
                report.province(),
                calibers.province(report.province(), locale),
                calibers.label(Caliber.FOREIGN_CAPITAL, locale),
                calibers.label(Caliber.CONTRACT_INVESTMENT, locale),
                report.cities().stream()
                        .map(city -> row(
                                city.city(),
                                calibers.city(city.city(), locale),
                                city.totals().foreignCapitalArrivedUsd(),
                                city.totals().contractInvestmentCny(),
                                city.foreignCapitalShare(),
                                city.foreignCapitalRank(),
                                locale))
                        .toList(),
                report.zones().stream()
                        .map(zone -> row(
                                zone.zoneId(),
                                zone.name(),
                                zone.report().foreignCapitalArrivedUsd(),
                                zone.report().contractInvestmentCny(),
                                zone.foreignCapitalShare(),
                                zone.foreignCapitalRank(),
                                locale))
                        .toList());
    }

    /** The rank as the dashboard shows ranks: none for nothing received ({@link Caliber#rankShown}). */
    private Row row(
            String id,
            String name,
            BigDecimal foreignCapital,
            BigDecimal contractInvestment,
            BigDecimal share,
            int rank,
            Locale locale) {
        Integer shown = Caliber.rankShown(foreignCapital, rank);
        return new Row(
                id,
                calibers.value(Caliber.Unit.RANK, shown == null ? null : BigDecimal.valueOf(shown), locale),
                name,
                calibers.value(Caliber.FOREIGN_CAPITAL, foreignCapital, locale),
                calibers.value(Caliber.CONTRACT_INVESTMENT, contractInvestment, locale),
                calibers.value(Caliber.Unit.SHARE, share, locale));
    }
}
