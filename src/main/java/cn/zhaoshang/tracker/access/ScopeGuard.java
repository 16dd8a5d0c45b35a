package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.ZoneOwned;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one place that decides whether the place a request names lies in the caller's scope, before any controller
 * runs. What a path addresses (a zone, a city, a province, a project) outside the scope does not exist for the
 * caller: 404, its existence not revealed. A zone named by a form or query parameter is 404 on a read and 403 on a
 * write (recording into a zone outside the scope); a city or province named by a parameter of a read is 404. Lists
 * take the caller's {@link Reach} as a value instead.
 *
 * <p>{@link #PATH_VARIABLES} are the path variables it knows; the application refuses to start with a mapping whose
 * path names another (a new kind of place would otherwise pass unchecked).
 */
class ScopeGuard implements HandlerInterceptor {

    /** Path variables that name a place or a project, and those that name nothing a scope limits. */
    static final Set<String> PATH_VARIABLES =
            Set.of("zoneId", "city", "provinceId", "id", "year", "arrivalId", "position", "username", "sha256");

    private static final Set<String> ZONE_PARAMETERS = Set.of("zone", "zoneId");

    /** Parameters naming a city or province whose report is asked for. */
    private static final Set<String> PLACE_PARAMETERS = Set.of("city", "province");

    /** A value that cannot be a zone id is left to the controller's validation, which answers it with a 400. */
    private static final Pattern ZONE_ID = Pattern.compile("[a-z0-9-]{1,40}");

    private final Reaches reaches;
    private final QueryGateway queries;
    private final List<ZoneOwned> owned;

    ScopeGuard(Reaches reaches, QueryGateway queries, List<ZoneOwned> owned) {
        this.reaches = reaches;
        this.queries = queries;
        this.owned = owned;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        boolean writes = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
        boolean namesAPlace = ZONE_PARAMETERS.stream().anyMatch(name -> present(request.getParameter(name)))
                || (!writes && PLACE_PARAMETERS.stream().anyMatch(name -> present(request.getParameter(name))));
        if ((variables == null || variables.isEmpty()) && !namesAPlace) {
            return true;
        }
        Reach reach = reaches.ofCaller();
        if (variables != null) {
            checkPath(variables, reach, request.getRequestURI());
        }
        if (!writes) {
            // a report or dashboard asked for another city or province (a form registering a zone names new ones)
            checkPath(Map.of("city", value(request, "city"), "provinceId", value(request, "province")), reach, "");
        }
        for (String name : ZONE_PARAMETERS) {
            String zone = request.getParameter(name);
            if (present(zone) && !reach.seesZone(zone)) {
                if (writes) {
                    reach.requireZone(zone);
                }
                throw new UnknownZone(zone);
            }
        }
        return true;
    }

    /** The parameter when it could name a place, else an empty string (names nothing). */
    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return present(value) ? value : "";
    }

    private void checkPath(Map<String, String> variables, Reach reach, String path) {
        String zone = variables.get("zoneId");
        if (zone != null && !reach.seesZone(zone)) {
            throw new UnknownZone(zone);
        }
        String city = variables.get("city");
        if (city != null && !city.isEmpty() && !reach.readsCity(city)) {
            throw new NotFound("城市 %s 不存在 / unknown city %s".formatted(city, city));
        }
        String province = variables.get("provinceId");
        if (province != null && !province.isEmpty() && !reach.readsProvince(province)) {
            throw new NotFound("省份 %s 不存在 / unknown province %s".formatted(province, province));
        }
        String id = variables.get("id");
        for (ZoneOwned things : owned) {
            if (id != null && things.pathPrefixes().stream().anyMatch(path::startsWith)) {
                String itsZone = things.zoneOf(id).orElse(null);
                if (itsZone == null || !reach.seesZone(itsZone)) {
                    throw new NotFound("%s 不存在 / %s does not exist".formatted(id, id));
                }
            }
        }
        String project = variables.get("id");
        if (project != null && (path.startsWith("/api/projects/") || path.startsWith("/projects/"))) {
            Optional<GetProject.Result> found = queries.query(
                            new GetProject(project), ResponseTypes.optionalInstanceOf(GetProject.Result.class))
                    .join();
            if (found.isEmpty() || !reach.seesZone(found.get().zoneId())) {
                throw new UnknownProject(project);
            }
        }
    }

    private static boolean present(String value) {
        return value != null && ZONE_ID.matcher(value).matches();
    }
}
