package cn.zhaoshang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.project.api.AmendContract;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.CorrectSigning;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.RecordCapitalArrival;
import cn.zhaoshang.tracker.project.api.RecordLanding;
import cn.zhaoshang.tracker.project.api.RecordProductionStart;
import cn.zhaoshang.tracker.project.api.RetractArrival;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.project.api.SigningKey;
import cn.zhaoshang.tracker.project.api.TerminateProject;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.shared.BusinessDate;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.SetAnnualTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The demo history reproduces the Songmu article's 2023 figures. They are computed here from the commands themselves,
 * by the report rules of the HTTP contract, independently of the report slice.
 */
class DemoDataTest {

    static final List<DemoData.Step> STEPS = DemoData.steps();
    static final Instant NOW = Instant.now();
    static final Instant BEFORE_THE_CORRECTION = Instant.parse("2024-01-05T00:00:00Z");

    @Test
    void no_demo_project_is_signed_under_the_zone_name_and_date_of_another() {
        Map<ProjectId, SigningKey> keys = new HashMap<>();
        for (DemoData.Step step : STEPS) {
            if (step.command() instanceof SignProject signing) {
                assertThat(keys.values()).as(signing.name()).doesNotContain(signing.signingKey());
                assertThat(signing.distinctFrom()).isEmpty();
                keys.put(signing.projectId(), signing.signingKey());
            } else if (step.command() instanceof CorrectSigning correction && correction.signedOn() != null) {
                SigningKey key = keys.get(correction.projectId());
                keys.put(correction.projectId(), new SigningKey(key.zoneId(), key.name(), correction.signedOn()));
            }
        }
        assertThat(new java.util.HashSet<>(keys.values())).hasSameSizeAs(keys.values());
    }

    @Test
    void songmu_signed_22_projects_in_2023_one_of_them_later_terminated() {
        Figures songmu = Figures.of("songmu", 2023, NOW);
        assertThat(songmu.projectsSigned()).isEqualTo(22);
        assertThat(songmu.projectsTerminatedOfThoseSigned()).isEqualTo(1);
    }

    @Test
    void four_of_them_have_an_investor_among_the_three_kinds_of_top_500() {
        Figures songmu = Figures.of("songmu", 2023, NOW);
        assertThat(songmu.top500Projects()).isEqualTo(4);
        assertThat(songmu.top500Investors()).containsExactlyInAnyOrder("日本触媒", "远东宏信", "丰田通商", "华湘新能源集团");
    }

    @Test
    void songmu_contracted_11_5_billion_yuan_in_2023_as_known_now() {
        assertThat(Figures.of("songmu", 2023, NOW).contractInvestmentCny()).isEqualByComparingTo("11500000000");
    }

    @Test
    void before_the_signing_correction_was_recorded_the_2023_contract_figure_was_different() {
        assertThat(Figures.of("songmu", 2023, BEFORE_THE_CORRECTION).contractInvestmentCny())
                .isEqualByComparingTo("11230000000")
                .isNotEqualByComparingTo("11500000000");
    }

    @Test
    void the_2023_capital_increase_of_a_2022_project_counts_in_2023_and_the_2024_one_in_2024() {
        List<AmendContract> amendments = commands(AmendContract.class);
        assertThat(amendments).extracting(a -> a.amendedOn().getYear()).containsExactlyInAnyOrder(2023, 2024);
        Map<ProjectId, SignProject> signings = signings();
        for (AmendContract amendment : amendments) {
            int signedIn = signings.get(amendment.projectId()).signedOn().getYear();
            assertThat(signedIn).isEqualTo(amendment.amendedOn().getYear() - 1);
        }
    }

    @Test
    void songmu_received_14_48_million_dollars_of_foreign_capital_in_2023_without_the_duplicate() {
        assertThat(Figures.of("songmu", 2023, NOW).foreignCapitalArrivedUsd()).isEqualByComparingTo("14480000");
        assertThat(Figures.of("songmu", 2023, BEFORE_THE_CORRECTION).foreignCapitalArrivedUsd())
                .isEqualByComparingTo("15480000");
    }

    @Test
    void every_reason_is_written_in_chinese_only_as_a_bureau_types_it() {
        List<String> reasons = STEPS.stream()
                .map(DemoData.Step::command)
                .map(DemoDataTest::reason)
                .filter(Objects::nonNull)
                .toList();
        assertThat(reasons)
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(reason -> assertThat(reason).doesNotContain(" / ").doesNotContainPattern("[A-Za-z]"));
    }

    private static String reason(Object command) {
        if (command instanceof RetractArrival retract) {
            return retract.reason();
        }
        if (command instanceof AmendContract amend) {
            return amend.reason();
        }
        if (command instanceof CorrectSigning correct) {
            return correct.reason();
        }
        return command instanceof TerminateProject terminate ? terminate.reason() : null;
    }

    @Test
    void the_duplicate_arrival_was_retracted_in_february_2024_with_its_reason() {
        List<DemoData.Step> retractions = STEPS.stream()
                .filter(step -> step.command() instanceof RetractArrival)
                .toList();
        assertThat(retractions).hasSize(1);
        RetractArrival retraction = (RetractArrival) retractions.get(0).command();
        assertThat(retraction.reason()).isEqualTo("重复录入：同一笔外资登记了两次");
        assertThat(retractions.get(0).recordedAt().atZone(BusinessDate.CHINA).toLocalDate())
                .isBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    }

    @Test
    void songmu_met_its_2023_targets_as_the_article_says() {
        SetAnnualTarget target = commands(SetAnnualTarget.class).stream()
                .filter(t -> t.zoneId().equals("songmu") && t.year() == 2023)
                .findFirst()
                .orElseThrow();
        assertThat(target.contractInvestmentCny()).isEqualByComparingTo("10000000000");
        assertThat(target.foreignCapitalUsd()).isEqualByComparingTo("7000000");
        assertThat(target.projectCount()).isEqualTo(20);
        Figures songmu = Figures.of("songmu", 2023, NOW);
        assertThat(ratio(songmu.contractInvestmentCny(), target.contractInvestmentCny()))
                .isEqualByComparingTo("1.1500");
        assertThat(ratio(songmu.foreignCapitalArrivedUsd(), target.foreignCapitalUsd()))
                .isEqualByComparingTo("2.0686");
        assertThat(commands(SetAnnualTarget.class))
                .filteredOn(t -> t.zoneId().equals("songmu"))
                .extracting(SetAnnualTarget::year)
                .containsExactly(2021, 2022, 2023, 2024);
    }

    @Test
    void the_other_hengyang_zones_received_their_own_foreign_capital_in_2023() {
        assertThat(Figures.of("hengyang-hi-tech", 2023, NOW).foreignCapitalArrivedUsd())
                .isEqualByComparingTo("12000000");
        assertThat(Figures.of("baishazhou", 2023, NOW).foreignCapitalArrivedUsd())
                .isEqualByComparingTo("9800000");
        assertThat(Figures.of("hengyang-ftz", 2023, NOW).foreignCapitalArrivedUsd())
                .isEqualByComparingTo("7470000");
        assertThat(Figures.of("hengshan", 2023, NOW).foreignCapitalArrivedUsd()).isEqualByComparingTo("5500000");
    }

    @Test
    void songmu_has_29_4_percent_of_hengyang_s_foreign_capital_and_ranks_first() {
        Map<String, BigDecimal> hengyang = new LinkedHashMap<>();
        for (RegisterZone zone : commands(RegisterZone.class)) {
            if (zone.city().equals("hengyang")) {
                hengyang.put(zone.zoneId(), Figures.of(zone.zoneId(), 2023, NOW).foreignCapitalArrivedUsd());
            }
        }
        assertThat(hengyang).hasSize(5);
        BigDecimal city = hengyang.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal songmu = hengyang.get("songmu");
        assertThat(city).isEqualByComparingTo("49250000");
        assertThat(ratio(songmu, city)).isEqualByComparingTo("0.2940");
        long zonesWithMore =
                hengyang.values().stream().filter(v -> v.compareTo(songmu) > 0).count();
        assertThat(1 + zonesWithMore).isEqualTo(1);
    }

    @Test
    void zhuzhou_is_a_city_of_its_own_with_projects_and_arrivals() {
        assertThat(commands(RegisterZone.class))
                .filteredOn(zone -> zone.city().equals("zhuzhou"))
                .extracting(RegisterZone::zoneId)
                .containsExactly("zhuzhou-hi-tech");
        Figures zhuzhou = Figures.of("zhuzhou-hi-tech", 2023, NOW);
        assertThat(zhuzhou.projectsSigned()).isPositive();
        assertThat(zhuzhou.foreignCapitalArrivedUsd()).isPositive();
    }

    @Test
    void songmu_has_history_in_every_year_from_2021_to_2024() {
        for (int year = 2021; year <= 2024; year++) {
            assertThat(Figures.of("songmu", year, NOW).projectsSigned())
                    .as("projects signed in %d", year)
                    .isBetween(6, year == 2023 ? 22 : 12);
        }
        assertThat(commands(RecordLanding.class)).hasSizeGreaterThan(30);
        assertThat(commands(RecordProductionStart.class)).hasSizeGreaterThan(20);
    }

    @Test
    void the_steps_are_in_strictly_increasing_order_of_recording_and_all_in_the_past() {
        for (int i = 1; i < STEPS.size(); i++) {
            assertThat(STEPS.get(i).recordedAt()).isAfter(STEPS.get(i - 1).recordedAt());
        }
        assertThat(STEPS.get(STEPS.size() - 1).recordedAt()).isBefore(NOW);
    }

    @Test
    void everything_is_recorded_on_a_working_day_in_office_hours_in_china() {
        for (DemoData.Step step : STEPS) {
            var local = step.recordedAt().atZone(BusinessDate.CHINA);
            assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 30));
        }
    }

    @Test
    void every_dated_fact_is_recorded_one_to_ten_days_after_it_happened_and_none_lies_in_the_future() {
        LocalDate today = LocalDate.now(BusinessDate.CHINA);
        for (DemoData.Step step : STEPS) {
            Optional<LocalDate> date = businessDate(step.command());
            if (date.isEmpty()) {
                continue;
            }
            assertThat(date.get()).isBeforeOrEqualTo(today);
            LocalDate recordedOn = step.recordedAt().atZone(BusinessDate.CHINA).toLocalDate();
            assertThat(ChronoUnit.DAYS.between(date.get(), recordedOn))
                    .as("%s recorded on %s", step.command(), recordedOn)
                    .isBetween(1L, 10L);
        }
    }

    @Test
    void facts_keep_the_order_the_aggregate_demands() {
        Map<ProjectId, SignProject> signed = new HashMap<>();
        Map<ProjectId, LocalDate> landed = new HashMap<>();
        for (DemoData.Step step : STEPS) {
            Object command = step.command();
            if (command instanceof SignProject signing) {
                signed.put(signing.projectId(), signing);
            } else if (command instanceof RecordLanding landing) {
                assertThat(landing.landedOn()).isAfterOrEqualTo(signedOn(signed, landing.projectId()));
                landed.put(landing.projectId(), landing.landedOn());
            } else if (command instanceof RecordProductionStart start) {
                assertThat(landed).containsKey(start.projectId());
                assertThat(start.startedOn()).isAfterOrEqualTo(landed.get(start.projectId()));
            } else if (command instanceof RecordCapitalArrival arrival) {
                assertThat(arrival.arrivedOn()).isAfterOrEqualTo(signedOn(signed, arrival.projectId()));
                assertThat(arrival.amount().scale()).isLessThanOrEqualTo(2);
            } else if (command instanceof AmendContract amendment) {
                assertThat(amendment.amendedOn()).isAfterOrEqualTo(signedOn(signed, amendment.projectId()));
            } else if (command instanceof TerminateProject termination) {
                assertThat(termination.terminatedOn()).isAfterOrEqualTo(signedOn(signed, termination.projectId()));
            }
        }
    }

    // ---- the report rules of the contract, applied to the commands

    /** A zone's figures for a year, counting only the steps recorded by {@code knownAt}. */
    record Figures(
            int projectsSigned,
            int top500Projects,
            List<String> top500Investors,
            int projectsTerminatedOfThoseSigned,
            BigDecimal contractInvestmentCny,
            BigDecimal foreignCapitalArrivedUsd) {

        static Figures of(String zoneId, int year, Instant knownAt) {
            Map<ProjectId, Signing> signings = new LinkedHashMap<>();
            Map<ArrivalId, RecordCapitalArrival> arrivals = new LinkedHashMap<>();
            List<ProjectId> terminated = new ArrayList<>();
            BigDecimal amendmentsInYear = BigDecimal.ZERO;
            for (DemoData.Step step : STEPS) {
                if (step.recordedAt().isAfter(knownAt)) {
                    break;
                }
                Object command = step.command();
                if (command instanceof SignProject s) {
                    signings.put(
                            s.projectId(),
                            new Signing(
                                    s.zoneId(),
                                    s.signedOn(),
                                    s.contractInvestmentCny(),
                                    s.contractInvestmentCny(),
                                    false,
                                    s.investor().top500(),
                                    s.investor().name()));
                } else if (command instanceof CorrectSigning c) {
                    signings.computeIfPresent(c.projectId(), (id, s) -> s.corrected(c));
                } else if (command instanceof AmendContract a) {
                    Signing s = signings.get(a.projectId());
                    if (s.zoneId().equals(zoneId) && a.amendedOn().getYear() == year) {
                        amendmentsInYear =
                                amendmentsInYear.add(a.contractInvestmentCny().subtract(s.contract()));
                    }
                    signings.put(a.projectId(), s.amended(a.contractInvestmentCny()));
                } else if (command instanceof RecordCapitalArrival r) {
                    arrivals.put(r.arrivalId(), r);
                } else if (command instanceof RetractArrival r) {
                    arrivals.remove(r.arrivalId());
                } else if (command instanceof TerminateProject t) {
                    terminated.add(t.projectId());
                }
            }
            List<Map.Entry<ProjectId, Signing>> signedInYear = signings.entrySet().stream()
                    .filter(e -> e.getValue().zoneId().equals(zoneId)
                            && e.getValue().signedOn().getYear() == year)
                    .toList();
            List<String> top500 = signedInYear.stream()
                    .map(Map.Entry::getValue)
                    .filter(s -> s.top500() != null)
                    .map(Signing::investor)
                    .toList();
            BigDecimal contract = signedInYear.stream()
                    .map(e -> e.getValue().signedAmount())
                    .reduce(amendmentsInYear, BigDecimal::add);
            BigDecimal foreign = arrivals.values().stream()
                    .filter(r -> r.kind() == CapitalKind.FOREIGN
                            && r.arrivedOn().getYear() == year
                            && signings.get(r.projectId()).zoneId().equals(zoneId))
                    .map(RecordCapitalArrival::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            int terminatedOfThose = (int) signedInYear.stream()
                    .filter(e -> terminated.contains(e.getKey()))
                    .count();
            return new Figures(signedInYear.size(), top500.size(), top500, terminatedOfThose, contract, foreign);
        }
    }

    /** A project's signing as currently believed, and its contract as currently amended. */
    record Signing(
            String zoneId,
            LocalDate signedOn,
            BigDecimal signedAmount,
            BigDecimal contract,
            boolean amended,
            Top500 top500,
            String investor) {

        Signing corrected(CorrectSigning c) {
            BigDecimal amount = c.contractInvestmentCny() == null ? signedAmount : c.contractInvestmentCny();
            return new Signing(
                    zoneId,
                    c.signedOn() == null ? signedOn : c.signedOn(),
                    amount,
                    amended ? contract : amount,
                    amended,
                    c.top500() == null ? top500 : c.top500().orElse(null),
                    investor);
        }

        Signing amended(BigDecimal newContract) {
            return new Signing(zoneId, signedOn, signedAmount, newContract, true, top500, investor);
        }
    }

    static <T> List<T> commands(Class<T> type) {
        return STEPS.stream()
                .map(DemoData.Step::command)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static Map<ProjectId, SignProject> signings() {
        Map<ProjectId, SignProject> signings = new HashMap<>();
        commands(SignProject.class).forEach(s -> signings.put(s.projectId(), s));
        return signings;
    }

    static LocalDate signedOn(Map<ProjectId, SignProject> signed, ProjectId projectId) {
        assertThat(signed).as("signed before its later facts").containsKey(projectId);
        return signed.get(projectId).signedOn();
    }

    static Optional<LocalDate> businessDate(Object command) {
        if (command instanceof SignProject c) {
            return Optional.of(c.signedOn());
        } else if (command instanceof RecordLanding c) {
            return Optional.of(c.landedOn());
        } else if (command instanceof RecordProductionStart c) {
            return Optional.of(c.startedOn());
        } else if (command instanceof RecordCapitalArrival c) {
            return Optional.of(c.arrivedOn());
        } else if (command instanceof AmendContract c) {
            return Optional.of(c.amendedOn());
        } else if (command instanceof TerminateProject c) {
            return Optional.of(c.terminatedOn());
        }
        return Optional.empty();
    }

    static BigDecimal ratio(BigDecimal actual, BigDecimal target) {
        return actual.divide(target, 4, RoundingMode.HALF_UP);
    }
}
