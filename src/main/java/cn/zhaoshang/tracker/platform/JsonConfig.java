package cn.zhaoshang.tracker.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web's JSON: money as plain numbers without trailing zeros (1500000000, 100.5), never 1.5E+9. */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer plainMoney() {
        SimpleModule money = new SimpleModule("plain-money");
        money.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                BigDecimal plain = value.stripTrailingZeros();
                generator.writeNumber((plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString());
            }
        });
        return builder -> builder.modulesToInstall(money).postConfigurer(mapper -> mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(100)
                        .maxStringLength(1_000_000)
                        .build()));
    }
}
