package cn.zhaoshang.tracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.report.ReportController.Clocks;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

class ClocksParametersTest {

    private final BindingResult errors = new MapBindingResult(new HashMap<>(), "clocks");

    @Test
    void what_is_given_is_read_and_an_empty_date_or_position_is_not_given() {
        assertThat(ClocksParameters.read("2023-12-31", "2024-01-05", null, errors))
                .isEqualTo(new Clocks(LocalDate.of(2023, 12, 31), "2024-01-05", null));
        assertThat(ClocksParameters.read("", null, " ", errors)).isEqualTo(new Clocks(null, null, null));
        assertThat(ClocksParameters.read(null, null, "42", errors)).isEqualTo(new Clocks(null, null, 42L));
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void an_unreadable_value_is_refused_under_its_own_name() {
        ClocksParameters.read("yesterday", "soon", "abc", errors);
        assertThat(refusals())
                .containsExactlyInAnyOrder(
                        "asOf typeMismatch.java.time.LocalDate",
                        "knownAt form.knownAt",
                        "atPosition typeMismatch.java.lang.Long");
    }

    @Test
    void dates_outside_the_years_1900_to_9999_and_a_negative_position_are_refused() {
        ClocksParameters.read("0001-01-01", "+10000-01-01T00:00:00Z", null, errors);
        ClocksParameters.read(null, null, "-1", errors);
        assertThat(refusals())
                .containsExactly("asOf form.asOfYear", "knownAt form.knownAtYear", "atPosition form.notNegative");
    }

    @Test
    void a_recording_cut_off_beside_a_position_is_refused_not_ignored() {
        ClocksParameters.read(null, "2024-01-05", "1", errors);
        assertThat(refusals()).containsExactly("knownAt form.knownAtWithAtPosition");
    }

    private List<String> refusals() {
        return errors.getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getCode())
                .toList();
    }
}
