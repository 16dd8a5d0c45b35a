package cn.zhaoshang.tracker.projectlist;

import cn.zhaoshang.tracker.project.api.FindProjects;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.project.api.Top500;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ProjectQueries {

    private static final String COLUMNS =
            """
            project_id, zone_id, name, investor_name, investor_country, investor_top500, industry, stage,
            signed_on, landed_on, production_started_on, terminated_on, contract_investment_cny,
            foreign_capital_arrived_usd, domestic_capital_arrived_cny, version""";

    private final JdbcClient jdbc;

    ProjectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<GetProject.Result> handle(GetProject query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_summary WHERE project_id = ?")
                .param(query.projectId())
                .query(ProjectQueries::detail)
                .optional();
    }

    @QueryHandler
    FindProjects.Result handle(FindProjects query) {
        if (query.zones().isEmpty()) {
            return new FindProjects.Result(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" WHERE zone_id IN ("
                + String.join(", ", java.util.Collections.nCopies(query.zones().size(), "?")) + ")");
        List<Object> params = new ArrayList<>(query.zones());
        if (query.zoneId() != null) {
            where.append(" AND zone_id = ?");
            params.add(query.zoneId());
        }
        if (query.stage() != null) {
            where.append(" AND stage = ?");
            params.add(query.stage().name());
        }
        if (query.signedYear() != null) {
            where.append(" AND signed_on BETWEEN ? AND ?");
            params.add(LocalDate.of(query.signedYear(), 1, 1));
            params.add(LocalDate.of(query.signedYear(), 12, 31));
        }
        if (query.industry() != null) {
            where.append(" AND industry = ?");
            params.add(query.industry().name());
        }
        if (query.top500() != null) {
            where.append(query.top500() ? " AND investor_top500 IS NOT NULL" : " AND investor_top500 IS NULL");
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(investor_name) LIKE ? ESCAPE '\\')");
            String pattern = "%" + likeEscaped(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
            params.add(pattern);
            params.add(pattern);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM project_summary" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<GetProject.Result> items = jdbc.sql("SELECT " + COLUMNS + " FROM project_summary" + where
                        + " ORDER BY signed_on DESC, project_id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(ProjectQueries::detail)
                .list();
        return new FindProjects.Result(items, total);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static GetProject.Result detail(ResultSet row, int rowNumber) throws SQLException {
        String top500 = row.getString("investor_top500");
        return new GetProject.Result(
                row.getString("project_id"),
                row.getString("zone_id"),
                row.getString("name"),
                new Investor(
                        row.getString("investor_name"),
                        row.getString("investor_country"),
                        top500 == null ? null : Top500.valueOf(top500)),
                Industry.valueOf(row.getString("industry")),
                Stage.valueOf(row.getString("stage")),
                row.getObject("signed_on", LocalDate.class),
                row.getObject("landed_on", LocalDate.class),
                row.getObject("production_started_on", LocalDate.class),
                row.getObject("terminated_on", LocalDate.class),
                row.getBigDecimal("contract_investment_cny"),
                row.getBigDecimal("foreign_capital_arrived_usd"),
                row.getBigDecimal("domestic_capital_arrived_cny"),
                row.getLong("version"));
    }
}
