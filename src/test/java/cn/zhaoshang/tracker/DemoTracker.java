package cn.zhaoshang.tracker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on an in-memory H2 that the demo history is loaded into, shared by the tests that read that
 * history (one Spring context for all).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:demo-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "tracker.demo-data=true"
        })
@AutoConfigureMockMvc
public @interface DemoTracker {}
