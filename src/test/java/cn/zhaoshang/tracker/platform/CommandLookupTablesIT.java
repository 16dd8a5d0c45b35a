package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.TrackerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A lookup table that a rule reads must be written in the command's transaction, or the application does not start. */
class CommandLookupTablesIT {

    @Test
    void the_arrivals_table_kept_by_a_tracking_processor_stops_the_start_up() {
        assertThatThrownBy(() -> start("--axon.eventhandling.processors.arrivals.mode=tracking"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to start")
                .hasMessageContaining("ArrivalTable (processing group arrivals)")
                .message()
                .doesNotContain("ZoneDirectory");
    }

    @Test
    void the_zone_directory_kept_by_a_tracking_processor_stops_the_start_up() {
        assertThatThrownBy(() -> start("--axon.eventhandling.processors.zone.mode=tracking"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZoneDirectory (processing group zone)");
    }

    private static void start(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:lookup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        all[1] = "--tracker.demo-data=false";
        all[2] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        new SpringApplicationBuilder(TrackerApplication.class).run(all).close();
    }
}
