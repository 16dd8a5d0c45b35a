package cn.zhaoshang.tracker.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The web's JSON. Out: money as plain numbers without trailing zeros (1500000000, 100.5), never 1.5E+9. In: what was
 * sent is what is read — no number or boolean taken as text or the reverse, no blank string taken as a missing
 * amount, dates only as {@code YYYY-MM-DD}, text only {@link PlainText#plain plain}.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        SimpleModule strict = new SimpleModule("strict-json");
        strict.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                BigDecimal plain = value.stripTrailingZeros();
                generator.writeNumber((plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString());
            }
        });
        strict.addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = StringDeserializer.instance.deserialize(parser, context);
                if (text != null && !PlainText.plain(text)) {
                    throw context.weirdStringException(text, String.class, "control characters or broken Unicode");
                }
                return text;
            }
        });
        strict.addDeserializer(LocalDate.class, new StdScalarDeserializer<>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
                }
                String text = parser.getText();
                try {
                    if (PLAIN_DATE.matcher(text).matches()) {
                        return LocalDate.parse(text);
                    }
                } catch (DateTimeException notADay) {
                    // 2023-02-30 and the like: refused below like any other text
                }
                throw context.weirdStringException(text, LocalDate.class, "not a date written YYYY-MM-DD");
            }
        });
        return builder -> builder.modulesToInstall(strict).postConfigurer(JsonConfig::strictInput);
    }

    /**
     * Spring Boot's JSON converter, with the mapper Boot built, ending every JSON answer (and every problem) with a
     * line break, as command-line tools expect of text: a {@code curl} answer does not run into the prompt.
     */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper mapper) {
        return new MappingJackson2HttpMessageConverter(mapper) {
            @Override
            protected void writeSuffix(JsonGenerator generator, Object object) throws IOException {
                generator.writeRaw('\n');
            }
        };
    }

    private static void strictInput(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(100)
                        .maxStringLength(1_000_000)
                        .build());
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
