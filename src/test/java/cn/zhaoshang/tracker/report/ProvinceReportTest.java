package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.ReportFixture.EVERYTHING;
import static cn.zhaoshang.tracker.report.ReportFixture.foreign;
import static cn.zhaoshang.tracker.report.ReportFixture.signed;
import static cn.zhaoshang.tracker.report.ReportFixture.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.zhaoshang.tracker.shared.NotFound;
import java.math.BigDecimal;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The province report from the report rows alone: cities and zones ranked as zones are in a city report. */
class ProvinceReportTest {

    private static final String FUJIAN = "fujian";
    private static final String SANMING = "sanming";
    private static final String FUZHOU = "fuzhou";

    @AutoClose
    private final ReportFixture history = new ReportFixture();

    @BeforeEach
    void twoCitiesOfFujianAndOneElsewhere() {
        history.at(
                "2024-01-02T01:00:00Z",
                zone("yongan", "永安经济开发区", SANMING, FUJIAN),
                zone("shaxian", "沙县经济开发区", SANMING, FUJIAN),
                zone("mawei", "马尾经济技术开发区", FUZHOU, FUJIAN),
                zone("jiangyin", "江阴高新区", "wuxi", "jiangsu"));
        history.at(
                "2024-05-01T01:00:00Z",
                signed("p1", "yongan", "2024-03-01", "1000"),
                signed("p2", "shaxian", "2024-03-01", "200"),
                signed("p3", "mawei", "2024-03-01", "500"),
                signed("p4", "jiangyin", "2024-03-01", "9000"),
                foreign("p1", "a1", "2024-04-01", "300"),
                foreign("p2", "a2", "2024-04-01", "100"),
                foreign("p3", "a3", "2024-04-01", "300"),
                foreign("p4", "a4", "2024-04-01", "5000"));
    }

    private ProvinceReport fujian() {
        return history.province(FUJIAN, 2024, "2030-12-31", EVERYTHING);
    }

    @Test
    void a_province_adds_up_its_zones_and_nothing_of_another_province() {
        Totals totals = fujian().totals();

        assertThat(totals.foreignCapitalArrivedUsd()).isEqualByComparingTo("700");
        assertThat(totals.contractInvestmentCny()).isEqualByComparingTo("1700");
        assertThat(totals.projectsSigned()).isEqualTo(3);
    }

    @Test
    void cities_are_ranked_by_foreign_capital_with_their_share_of_the_province_and_their_city_report_s_totals() {
        ProvinceReport fujian = fujian();

        assertThat(fujian.cities())
                .extracting(
                        ProvinceReport.CityLine::city,
                        ProvinceReport.CityLine::zones,
                        ProvinceReport.CityLine::foreignCapitalRank,
                        ProvinceReport.CityLine::foreignCapitalShare)
                .containsExactly(
                        tuple(SANMING, 2, 1, new BigDecimal("0.5714")), tuple(FUZHOU, 1, 2, new BigDecimal("0.4286")));
        CityReport sanming = history.city(SANMING, 2024, "2030-12-31", EVERYTHING);
        assertThat(fujian.cities().get(0).totals())
                .isEqualTo(new Totals(
                        sanming.foreignCapitalArrivedUsd(), sanming.contractInvestmentCny(), sanming.projectsSigned()));
    }

    @Test
    void zones_are_ranked_across_the_province_ties_sharing_a_rank_and_carry_their_zone_year_report() {
        ProvinceReport fujian = fujian();

        assertThat(fujian.zones())
                .extracting(
                        ProvinceReport.ZoneLine::zoneId,
                        ProvinceReport.ZoneLine::name,
                        ProvinceReport.ZoneLine::foreignCapitalRank,
                        ProvinceReport.ZoneLine::foreignCapitalShare)
                .containsExactly(
                        tuple("mawei", "马尾经济技术开发区", 1, new BigDecimal("0.4286")),
                        tuple("yongan", "永安经济开发区", 1, new BigDecimal("0.4286")),
                        tuple("shaxian", "沙县经济开发区", 3, new BigDecimal("0.1429")));
        for (ProvinceReport.ZoneLine line : fujian.zones()) {
            assertThat(line.report())
                    .as(line.zoneId())
                    .isEqualTo(history.zoneYear(line.zoneId(), 2024, "2030-12-31", EVERYTHING));
        }
        assertThat(fujian.zones().get(2).report().city().foreignCapitalRank()).isEqualTo(2);
    }

    @Test
    void a_province_without_zones_at_the_report_s_point_is_not_found() {
        assertThatThrownBy(() -> history.province("hunan", 2024, "2030-12-31", EVERYTHING))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> history.province(FUJIAN, 2024, "2030-12-31", "2024-01-01T00:00:00Z"))
                .isInstanceOf(NotFound.class);
    }
}
