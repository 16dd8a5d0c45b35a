package cn.zhaoshang.tracker.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.Top500;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** A snapshot is the aggregate's fields as JSON: reading it back must give the same state. */
class ProjectSnapshotTest {

    /** The settings of the storage mapper (platform.AxonConfig), which also writes snapshots. */
    private final ObjectMapper storage = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void a_snapshot_restores_every_field() throws Exception {
        ProjectId id = ProjectId.of("5f0c6f1e-8a53-4a55-9d4b-2f6c1c9f7a10");
        LocalDate signedOn = LocalDate.of(2023, 3, 15);
        InvestmentProject project = signed(id, signedOn);
        project.on(new ProjectLanded(id, signedOn.plusDays(30)));
        ArrivalId arrival = ArrivalId.of("0b7e3c52-1d4f-4f0e-9a61-6f2d8e5c4b3a");
        ArrivalId other = ArrivalId.of("ledger-row-7");
        CapitalArrived arrived = new CapitalArrived(
                id, arrival, signedOn.plusDays(40), CapitalKind.FOREIGN, new BigDecimal("3000000.50"));
        project.on(arrived);
        project.on(
                new CapitalArrived(id, other, signedOn.plusDays(41), CapitalKind.DOMESTIC, new BigDecimal("100.00")));
        project.on(new ContractAmended(
                id, signedOn.plusDays(50), new BigDecimal("1800000000"), new BigDecimal("1500000000"), "增资"));

        byte[] snapshot = storage.writeValueAsBytes(project);
        InvestmentProject restored = storage.readValue(snapshot, InvestmentProject.class);

        assertThat(restored)
                .usingRecursiveComparison()
                .withEqualsForType(ArrivalFingerprints::equals, ArrivalFingerprints.class)
                .isEqualTo(project);
        assertThat(new String(snapshot, StandardCharsets.UTF_8))
                .contains("\"stage\":\"LANDED\"", "\"amended\":true", "\"earliestFact\":\"2023-04-14\"");
        ArrivalFingerprints ids = fingerprints(restored);
        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.mayContain(arrival)).isTrue();
        assertThat(ids.mayContain(other)).isTrue();
        assertThat(ids.mayContain(ArrivalId.of("ledger-row-8"))).isFalse();
    }

    /** Snapshots written by revision 2 are read by revision 2: its fingerprint function must never change. */
    @Test
    void an_arrival_id_is_stored_as_its_32_bit_fnv_1a_fingerprint() throws Exception {
        ProjectId id = ProjectId.of("p-1");
        InvestmentProject project = signed(id, LocalDate.of(2023, 3, 15));
        project.on(new CapitalArrived(
                id,
                ArrivalId.of("0b7e3c52-1d4f-4f0e-9a61-6f2d8e5c4b3a"),
                LocalDate.of(2023, 4, 1),
                CapitalKind.FOREIGN,
                BigDecimal.ONE));

        assertThat(storage.writeValueAsString(project)).contains("\"arrivalIds\":\"XDRfDA==\"");
    }

    @Test
    void the_snapshot_of_a_project_with_ten_thousand_arrivals_keeps_four_bytes_of_each() throws Exception {
        ProjectId id = ProjectId.of("bench-big");
        LocalDate signedOn = LocalDate.of(2016, 1, 4);
        InvestmentProject project = signed(id, signedOn);
        for (int i = 0; i < 10_000; i++) {
            project.on(new CapitalArrived(
                    id,
                    ArrivalId.random(),
                    signedOn.plusDays(i % 3000),
                    CapitalKind.DOMESTIC,
                    new BigDecimal("100.00")));
        }

        byte[] snapshot = storage.writeValueAsBytes(project);
        InvestmentProject restored = storage.readValue(snapshot, InvestmentProject.class);

        // 40,000 bytes of fingerprints in base64 and the project's few facts; the arrivals took 1.7 MB in revision 1.
        assertThat(snapshot.length).isBetween(53_336, 54_500);
        assertThat(fingerprints(restored)).isEqualTo(fingerprints(project));
        assertThat(fingerprints(restored).size()).isEqualTo(10_000);
    }

    private static InvestmentProject signed(ProjectId id, LocalDate signedOn) {
        InvestmentProject project = new InvestmentProject();
        project.on(new ProjectSigned(
                id,
                "songmu",
                "日本触媒新材料项目",
                new Investor("日本触媒", "JP", Top500.GLOBAL),
                Industry.NEW_MATERIALS,
                signedOn,
                new BigDecimal("1500000000"),
                null,
                null));
        return project;
    }

    private static ArrivalFingerprints fingerprints(InvestmentProject project) {
        return (ArrivalFingerprints) ReflectionTestUtils.getField(project, "arrivalIds");
    }
}
