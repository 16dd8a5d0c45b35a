package cn.zhaoshang.tracker.web;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

/** The API description served at /v3/api-docs and /swagger-ui.html to logged-in users, in Chinese and English. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    /** Idempotency-Key is read by {@link IdempotentCommands}, not by the controllers, so it is added here. */
    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotentCommands.IDEMPOTENCY_KEY)
                        .required(false)
                        .schema(new StringSchema().maxLength(200))
                        .description("幂等键：同一键、同一请求只记录一次并返回首次的结果；不同请求复用则返回422 / "
                                + "the same key with the same request records once and returns the first answer; "
                                + "reused with a different request: 422"));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> "If-Match".equals(parameter.getName()))
                        .forEach(parameter -> parameter.description(
                                "项目版本（GET 项目详情返回的 ETag），不符则返回412 / the project's ETag; 412 if it changed"));
            }
            return operation;
        };
    }

    @Bean
    OpenAPI trackerApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("招商引资项目跟踪 / Investment project tracker")
                                .version("v1")
                                .description(
                                        """
                                开发区招商项目台账：每个事实都是一条事件，可追溯、可复现。\
                                An event-sourced ledger of attracted investment projects: every fact is an event, \
                                every figure traceable and reproducible. 金额以元（Cny）或美元（Usd）计 / money in \
                                yuan (…Cny) or US dollars (…Usd).\
                                """))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
