package cn.zhaoshang.tracker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application on an in-memory H2, shared by the HTTP tests (one Spring context for all). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:tracker-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "tracker.demo-data=false",
            // Warning checks come due at once for the 2023 projects these tests sign; polling once at start-up
            // only keeps system-raised warnings out of their global log. WarningIT runs the checks.
            "db-scheduler.polling-interval=1h"
        })
@AutoConfigureMockMvc
public @interface InMemoryTracker {}
