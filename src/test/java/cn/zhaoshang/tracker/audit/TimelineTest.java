package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final ProjectId PROJECT = ProjectId.of("p-1");
    private static final Instant RECORDED = Instant.parse("2023-06-03T01:30:00Z");

    /** The line of an event the bureau recorded at {@link #RECORDED}. */
    private static Timeline.Line byBureau(Object event) {
        return Timeline.of(event, RECORDED, "bureau");
    }

    private static CapitalArrived arrival(String id, LocalDate arrivedOn, CapitalKind kind, String amount) {
        return new CapitalArrived(PROJECT, ArrivalId.of(id), arrivedOn, kind, new BigDecimal(amount));
    }

    @Test
    void a_landing_reads_as_the_bureau_would_say_it() {
        Timeline.Line line = byBureau(new ProjectLanded(PROJECT, LocalDate.of(2023, 6, 1)));
        assertThat(line.zh()).isEqualTo("2023-06-01 落地（开工） — 2023-06-03 由 bureau 登记");
        assertThat(line.en()).isEqualTo("2023-06-01 landed (construction started) — recorded 2023-06-03 by bureau");
    }

    @Test
    void money_is_written_in_yi_yuan_and_wan_dollars() {
        Timeline.Line signed = byBureau(new ProjectSigned(
                PROJECT,
                "songmu",
                "日本触媒高吸水性树脂项目",
                new Investor("日本触媒", "JP", Top500.GLOBAL),
                Industry.NEW_MATERIALS,
                LocalDate.of(2023, 3, 15),
                new BigDecimal("1500000000"),
                null,
                null));
        assertThat(signed.zh()).contains("合同投资 15亿元").contains("日本触媒");
        assertThat(signed.en()).contains("CNY 1.5 billion contracted");
        Timeline.Line arrived = byBureau(arrival("a", LocalDate.of(2023, 7, 1), CapitalKind.FOREIGN, "14480000"));
        assertThat(arrived.zh()).contains("实际到位外资 1448万美元");
        assertThat(arrived.en()).contains("foreign capital received: USD 14.48 million");
        Timeline.Line domestic = byBureau(arrival("b", LocalDate.of(2023, 8, 1), CapitalKind.DOMESTIC, "15000000"));
        assertThat(domestic.zh()).contains("实际到位内资 1500万元");
        assertThat(domestic.en()).contains("domestic capital received: CNY 15 million");
    }

    @Test
    void evidence_names_its_file_its_hash_and_the_event_it_supports() {
        Timeline.Line attached =
                byBureau(new EvidenceAttached(PROJECT, "ab".repeat(32), "回单.pdf", "application/pdf", 48213, 3, "银行回单"));

        assertThat(attached.zh())
                .startsWith("附凭证“回单.pdf”（application/pdf，48213 字节，SHA-256 " + "ab".repeat(32) + "）支持第 3 号事件：银行回单")
                .contains("由 bureau 登记");
        assertThat(attached.en())
                .startsWith("evidence \"回单.pdf\" (application/pdf, 48213 bytes, SHA-256 " + "ab".repeat(32)
                        + ") attached to event 3: 银行回单");
        assertThat(byBureau(new EvidenceAttached(PROJECT, "ab".repeat(32), "a.png", "image/png", 1, 0, null))
                        .en())
                .startsWith("evidence \"a.png\" (image/png, 1 bytes, SHA-256 " + "ab".repeat(32)
                        + ") attached to event 0 —");
    }

    @Test
    void corrections_say_why() {
        Timeline.Line retracted = Timeline.of(
                new ArrivalRetracted(
                        PROJECT,
                        ArrivalId.of("a"),
                        LocalDate.of(2023, 11, 28),
                        CapitalKind.FOREIGN,
                        new BigDecimal("1000000"),
                        "重复录入"),
                RECORDED,
                "auditor");
        assertThat(retracted.zh())
                .contains("撤销")
                .contains("100万美元")
                .contains("原因：重复录入")
                .contains("由 auditor 登记");
        Timeline.Line amended = byBureau(new ContractAmended(
                PROJECT, LocalDate.of(2023, 9, 18), new BigDecimal("800000000"), new BigDecimal("500000000"), "增资扩产"));
        assertThat(amended.zh()).contains("增资").contains("5亿元 → 8亿元");
        assertThat(amended.en()).contains("increased: CNY 500 million → CNY 800 million");
    }

    @Test
    void an_arrival_says_when_it_arrived_and_a_retraction_also_when_the_arrival_was_recorded() {
        CapitalArrived arrival = arrival(
                "0a1b2c3d-0000-0000-0000-000000000000", LocalDate.of(2023, 11, 28), CapitalKind.DOMESTIC, "5000000");
        ArrivalRetracted retraction = new ArrivalRetracted(
                PROJECT, arrival.arrivalId(), arrival.arrivedOn(), arrival.kind(), arrival.amount(), "重复录入");
        Timeline.Counterpart recorded = new Timeline.Counterpart(12, 1, Instant.parse("2023-12-01T02:00:00Z"));
        Timeline.Counterpart withdrawn = new Timeline.Counterpart(57, 3, Instant.parse("2023-12-05T01:30:00Z"));

        assertThat(Timeline.what(retraction, recorded))
                .isEqualTo(new Timeline.Line(
                        "撤销到位内资 500万元（到位日期 2023-11-28，登记于 2023-12-01 10:00，位置 12，到位编号 0a1b2c3d）",
                        "domestic capital of CNY 5 million retracted (arrived on 2023-11-28, recorded at 2023-12-01 10:00,"
                                + " position 12, arrival 0a1b2c3d)"));
        assertThat(Timeline.what(arrival, withdrawn))
                .isEqualTo(new Timeline.Line(
                        "实际到位内资 500万元（到位日期 2023-11-28，到位编号 0a1b2c3d）；已于 2023-12-05 09:30 撤销（位置 57）",
                        "domestic capital received: CNY 5 million (arrived on 2023-11-28, arrival 0a1b2c3d);"
                                + " retracted at 2023-12-05 09:30 (position 57)"));
        assertThat(Timeline.what(arrival).zh()).isEqualTo("实际到位内资 500万元（到位日期 2023-11-28，到位编号 0a1b2c3d）");
        assertThat(Timeline.what(retraction).zh())
                .as("without the arrival, no recording time is made up")
                .isEqualTo("撤销到位内资 500万元（到位日期 2023-11-28，到位编号 0a1b2c3d）");
    }

    @Test
    void a_warning_reads_as_when_the_project_was_flagged_and_when_it_recovered() {
        LocalDate signedOn = LocalDate.of(2023, 3, 15);
        LocalDate dueOn = LocalDate.of(2023, 9, 11);
        Timeline.Line raised = Timeline.of(
                new WarningRaised(
                        PROJECT, "songmu", "项目", WarningColour.YELLOW, WarningKind.NOT_LANDED, signedOn, dueOn, dueOn),
                RECORDED,
                "system");
        assertThat(raised.zh())
                .isEqualTo("2023-09-11 黄色预警：签约后未落地（2023-03-15起，应于 2023-09-11 前落地） — 2023-06-03 由 system 登记");
        assertThat(raised.en())
                .isEqualTo("2023-09-11 yellow warning: signed but not landed (since 2023-03-15, due 2023-09-11)"
                        + " — recorded 2023-06-03 by system");
        Timeline.Line cleared = Timeline.of(
                new WarningCleared(
                        PROJECT,
                        "songmu",
                        WarningColour.RED,
                        WarningKind.NOT_IN_PRODUCTION,
                        WarningCleared.Recovery.IN_PRODUCTION,
                        LocalDate.of(2025, 1, 2)),
                RECORDED,
                "system");
        assertThat(cleared.zh()).startsWith("2025-01-02 解除红色预警（落地后未投产）：已投产");
        assertThat(cleared.en())
                .startsWith("2025-01-02 red warning (landed but not in production) cleared: production started");
    }

    @Test
    void a_reason_is_said_once_and_only_in_the_whole_sentence() {
        ProjectTerminated terminated = new ProjectTerminated(PROJECT, LocalDate.of(2023, 7, 1), "追加二期生产线");

        assertThat(Timeline.what(terminated)).isEqualTo(new Timeline.Line("2023-07-01 终止", "2023-07-01 terminated"));
        assertThat(Timeline.reason(terminated)).isEqualTo("追加二期生产线");
        Timeline.Line line = byBureau(terminated);
        assertThat(line.zh()).isEqualTo("2023-07-01 终止，原因：追加二期生产线 — 2023-06-03 由 bureau 登记");
        assertThat(line.en()).isEqualTo("2023-07-01 terminated; reason: 追加二期生产线 — recorded 2023-06-03 by bureau");
        assertThat(line.zh().split("原因", -1)).hasSize(2);
    }

    @Test
    void a_correction_by_a_few_yuan_still_reads_as_a_change_and_english_names_no_codes() {
        Timeline.Line corrected = byBureau(new SigningCorrected(
                PROJECT,
                LocalDate.of(2023, 3, 15),
                new BigDecimal("630000001"),
                Top500.CHINA_PRIVATE,
                Industry.NEW_ENERGY,
                LocalDate.of(2023, 3, 15),
                new BigDecimal("630000000"),
                null,
                Industry.NEW_MATERIALS,
                "录入错误"));

        assertThat(corrected.zh()).contains("合同投资 6.30000001亿元", "原为 2023-03-15，6.3亿元，非500强，新材料");
        assertThat(corrected.en())
                .contains("CNY 630.000001 million, China private top 500, new energy")
                .doesNotContain("CHINA_PRIVATE", "NEW_ENERGY", "亿元");
    }

    @Test
    void zones_targets_and_warning_rules_have_lines_too() {
        assertThat(Timeline.what(new ZoneRegistered("songmu", "衡阳松木经济开发区", "hengyang", "hunan"))
                        .zh())
                .isEqualTo("登记开发区：衡阳松木经济开发区（hengyang）");
        Timeline.Line targets = Timeline.what(
                new AnnualTargetSet("songmu", 2023, new BigDecimal("10000000000"), new BigDecimal("7000000"), 20));
        assertThat(targets.zh()).isEqualTo("2023年度目标：合同投资 100亿元，到位外资 700万美元，签约项目 20 个");
        assertThat(targets.en())
                .isEqualTo("targets for 2023: contracted investment CNY 10 billion, foreign capital USD 7 million,"
                        + " 20 projects");
        assertThat(Timeline.what(new WarningRulesSet("songmu", WarningRules.DEFAULTS))
                        .zh())
                .startsWith("预警规则：签约后 180 天未落地黄色预警");
    }
}
