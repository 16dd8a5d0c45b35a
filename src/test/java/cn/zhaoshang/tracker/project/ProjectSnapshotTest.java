package cn.zhaoshang.tracker.project;

import static org.assertj.core.api.Assertions.assertThat;

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
        project.on(new ContractAmended(
                id, signedOn.plusDays(50), new BigDecimal("1800000000"), new BigDecimal("1500000000"), "增资"));

        byte[] snapshot = storage.writeValueAsBytes(project);
        InvestmentProject restored = storage.readValue(snapshot, InvestmentProject.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(project);
        assertThat(new String(snapshot, StandardCharsets.UTF_8))
                .contains("\"stage\":\"LANDED\"", "\"amended\":true", "\"earliestFact\":\"2023-04-14\"");
    }

    /**
     * The arrivals are looked up in ProjectArrivals, not kept (ADR 0016), so a project's snapshot is a few facts
     * however much capital it received: revision 1 held every arrival (1.7 MB for 10,000), revision 2 a fingerprint
     * of each id (53 KB).
     */
    @Test
    void the_snapshot_holds_no_arrivals() throws Exception {
        InvestmentProject project = signed(ProjectId.of("bench-big"), LocalDate.of(2016, 1, 4));

        String snapshot = storage.writeValueAsString(project);

        assertThat(snapshot).hasSizeLessThan(400).doesNotContain("arrival");
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
}
