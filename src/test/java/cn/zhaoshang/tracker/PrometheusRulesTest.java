package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrometheusRulesTest {

    @Test
    void the_names_an_expression_reads_are_its_series_not_its_functions_labels_or_words() {
        assertThat(
                        PrometheusRules.namesIn(
                                "sum by (instance) (jvm_memory_used_bytes{area=\"heap\"}) / sum by (instance)"
                                        + " (jvm_memory_max_bytes{area=\"heap\"}) > 0.9 and on (instance) increase(x_total[5m])"))
                .containsExactlyInAnyOrder("jvm_memory_used_bytes", "jvm_memory_max_bytes", "x_total");
    }

    @Test
    void the_rules_file_reads_the_series_the_application_registers_at_start() throws Exception {
        assertThat(PrometheusRules.metricNames(Path.of("docs/prometheus-rules.yml")))
                .contains(
                        "tracker_processor_lag_events",
                        "tracker_http_server_errors_total",
                        "commandBus_failureCounter_total",
                        "report_failureCounter_total",
                        "hikaricp_connections_pending");
    }
}
