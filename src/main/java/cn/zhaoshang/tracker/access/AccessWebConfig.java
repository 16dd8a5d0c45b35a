package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.ZoneOwned;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ScopeGuard} before every controller and gives a controller that asks for it the caller's {@link Reach}. */
@Configuration(proxyBeanMethods = false)
class AccessWebConfig implements WebMvcConfigurer {

    private final Reaches reaches;
    private final QueryGateway queries;
    private final List<ZoneOwned> owned;

    AccessWebConfig(Reaches reaches, QueryGateway queries, List<ZoneOwned> owned) {
        this.reaches = reaches;
        this.queries = queries;
        this.owned = owned;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the pages' language switch, so that a refusal speaks the reader's language
        registry.addInterceptor(new ScopeGuard(reaches, queries, owned)).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Reach.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return reaches.ofCaller();
            }
        });
    }
}
