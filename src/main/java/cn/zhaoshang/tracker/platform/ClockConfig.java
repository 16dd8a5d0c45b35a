package cn.zhaoshang.tracker.platform;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import java.time.Clock;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Business dates are local to China: "today" (for @PastOrPresent) is today in Asia/Shanghai. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }

    @Bean
    ValidationConfigurationCustomizer chinaClockForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
