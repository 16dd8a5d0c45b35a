package cn.zhaoshang.tracker.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

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
