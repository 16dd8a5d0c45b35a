package cn.zhaoshang.tracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark suite. In ./mvnw verify it runs with tiny sizes as a smoke test (every figure is produced, none is
 * judged); scripts/bench.sh runs it with -Dbench.full=true on the province-scale store.
 */
class BenchmarkIT {

    @Test
    void every_figure_is_measured() throws Exception {
        boolean full = Boolean.getBoolean("bench.full");
        Figures figures = new BenchSuite(full ? BenchSuite.Settings.full() : BenchSuite.Settings.smoke()).run();
        assertThat(figures.rows()).hasSize(17);
    }
}
