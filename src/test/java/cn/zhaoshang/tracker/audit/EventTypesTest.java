package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every event the application can store (a record with {@code @Revision}) can be chosen in the event log's type
 * filter and has a name in Chinese and in English: a new event type cannot reach the log as a missing message.
 */
class EventTypesTest {

    @Test
    void the_log_offers_every_event_type_by_its_name_in_both_languages() throws IOException {
        List<String> events = storedEventTypes();
        assertThat(events).contains("ProjectSigned", "WarningRaised", "WarningCleared", "WarningRulesSet");

        assertThat(EventLog.TYPES).containsExactlyInAnyOrderElementsOf(events);
        Properties chinese = messages("messages-audit.properties");
        Properties english = messages("messages-audit_en.properties");
        for (String type : events) {
            assertThat(chinese.getProperty("audit.type." + type))
                    .as("Chinese name of " + type)
                    .isNotBlank();
            assertThat(english.getProperty("audit.type." + type))
                    .as("English name of " + type)
                    .isNotBlank();
        }
    }

    @Test
    void every_event_type_has_a_readable_line() {
        ClassPathScanningCandidateComponentProvider scan = scanner();
        for (BeanDefinition event : scan.findCandidateComponents("cn.zhaoshang.tracker")) {
            if (isEvent(event)) {
                assertThat(Timeline.DESCRIBED).as(event.getBeanClassName()).contains(event.getBeanClassName());
            }
        }
    }

    private static List<String> storedEventTypes() {
        return scanner().findCandidateComponents("cn.zhaoshang.tracker").stream()
                .filter(EventTypesTest::isEvent)
                .map(event -> ClassUtils.getShortName(event.getBeanClassName()))
                .toList();
    }

    /** Events are records; the one other class with a revision is the aggregate, stored as a snapshot. */
    private static boolean isEvent(BeanDefinition candidate) {
        try {
            return Class.forName(candidate.getBeanClassName()).isRecord();
        } catch (ClassNotFoundException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ClassPathScanningCandidateComponentProvider scanner() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        return scan;
    }

    private static Properties messages(String name) throws IOException {
        Properties messages = new Properties();
        try (Reader in =
                new InputStreamReader(EventTypesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }
}
