package cn.zhaoshang.tracker.submission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The saga's state survives the store: Axon keeps it as JSON written by a mapper like the application's. */
class SubmissionWarningSagaStateTest {

    private final ObjectMapper storage = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void months_and_raised_warnings_are_read_back_as_written() throws Exception {
        SubmissionWarningSaga saga = new SubmissionWarningSaga();
        TreeMap<YearMonth, SubmissionWarningSaga.Month> months = new TreeMap<>();
        months.put(
                YearMonth.of(2024, 1),
                new SubmissionWarningSaga.Month("s-1", SubmissionStatus.SUBMITTED, LocalDate.of(2024, 2, 5), true));
        TreeMap<YearMonth, SubmissionWarningKind> raised = new TreeMap<>();
        raised.put(YearMonth.of(2024, 1), SubmissionWarningKind.REVIEW_WAITING);
        ReflectionTestUtils.setField(saga, "zoneId", "songmu");
        ReflectionTestUtils.setField(saga, "watchedFrom", YearMonth.of(2023, 12));
        ReflectionTestUtils.setField(saga, "months", months);
        ReflectionTestUtils.setField(saga, "raised", raised);
        ReflectionTestUtils.setField(saga, "checkId", "c-1");

        String json = storage.writeValueAsString(saga);
        SubmissionWarningSaga read = storage.readValue(json, SubmissionWarningSaga.class);

        assertThat(json).contains("\"2024-01\"");
        assertThat(read).usingRecursiveComparison().isEqualTo(saga);
    }
}
