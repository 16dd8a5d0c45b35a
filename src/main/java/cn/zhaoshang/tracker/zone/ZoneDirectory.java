package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.platform.CommandLookupTable;
import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.ListZones;
import cn.zhaoshang.tracker.zone.api.ZonePlaces;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Zones and targets as the write side knows them. It runs in a subscribing processor, in the transaction of the
 * command, so that a zone is known to {@link KnownZones} the moment its registration commits.
 */
@Component
@CommandLookupTable
@ProcessingGroup("zone")
@ReadModel(tables = {"zone_directory", "annual_target"})
class ZoneDirectory implements KnownZones, ZonePlaces {

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;

    ZoneDirectory(ReadModelWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ZoneRegistered event) {
        writes.now()
                .sql("INSERT INTO zone_directory (zone_id, name, city, province) VALUES (?, ?, ?, ?)")
                .params(event.zoneId(), event.name(), event.city(), event.province())
                .update();
    }

    /** Update, else insert: runs in the command's transaction, behind the append lock, so never twice at once. */
    @EventHandler
    void on(AnnualTargetSet event) {
        int updated = writes.now()
                .sql(
                        """
                UPDATE annual_target SET contract_investment_cny = ?, foreign_capital_usd = ?, project_count = ?
                WHERE zone_id = ? AND target_year = ?""")
                .params(
                        event.contractInvestmentCny(),
                        event.foreignCapitalUsd(),
                        event.projectCount(),
                        event.zoneId(),
                        event.year())
                .update();
        if (updated == 0) {
            writes.now()
                    .sql(
                            """
                    INSERT INTO annual_target (zone_id, target_year, contract_investment_cny, foreign_capital_usd,
                        project_count) VALUES (?, ?, ?, ?, ?)""")
                    .params(
                            event.zoneId(),
                            event.year(),
                            event.contractInvestmentCny(),
                            event.foreignCapitalUsd(),
                            event.projectCount())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    @Override
    public boolean exists(String zoneId) {
        return find(zoneId).isPresent();
    }

    @Override
    public List<Place> places() {
        return jdbc.sql("SELECT zone_id, city, province FROM zone_directory")
                .query((row, number) ->
                        new Place(row.getString("zone_id"), row.getString("city"), row.getString("province")))
                .list();
    }

    /** The province of the city's zones (one: a city belongs to one province); empty for a city without zones. */
    Optional<String> provinceOf(String city) {
        return jdbc
                .sql("SELECT DISTINCT province FROM zone_directory WHERE city = ?")
                .param(city)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    @QueryHandler
    List<ListZones.Zone> handle(ListZones query) {
        return jdbc
                .sql("SELECT zone_id AS id, name, city, province FROM zone_directory ORDER BY city, zone_id")
                .query(ListZones.Zone.class)
                .list()
                .stream()
                .filter(zone -> query.zones().contains(zone.id()))
                .toList();
    }

    /** The zones the reach sees, by city and id. */
    List<ZoneView> all(Reach reach) {
        return jdbc
                .sql("SELECT zone_id AS id, name, city, province FROM zone_directory ORDER BY city, zone_id")
                .query(ZoneView.class)
                .list()
                .stream()
                .filter(zone -> reach.seesZone(zone.id()))
                .toList();
    }

    Optional<ZoneView> find(String zoneId) {
        return jdbc.sql("SELECT zone_id AS id, name, city, province FROM zone_directory WHERE zone_id = ?")
                .param(zoneId)
                .query(ZoneView.class)
                .optional();
    }

    Optional<TargetView> target(String zoneId, int year) {
        return jdbc.sql(
                        """
                SELECT zone_id, target_year AS "year", contract_investment_cny, foreign_capital_usd, project_count
                FROM annual_target WHERE zone_id = ? AND target_year = ?""")
                .params(zoneId, year)
                .query(TARGET_VIEW)
                .optional();
    }

    /** The zone's targets of every year, the latest year first. */
    List<TargetView> targets(String zoneId) {
        return jdbc.sql(
                        """
                SELECT zone_id, target_year AS "year", contract_investment_cny, foreign_capital_usd, project_count
                FROM annual_target WHERE zone_id = ? ORDER BY target_year DESC""")
                .param(zoneId)
                .query(TARGET_VIEW)
                .list();
    }

    /** Maps snake_case columns by name; JdbcClient's own record mapping would first try camelCase names and fail. */
    private static final RowMapper<TargetView> TARGET_VIEW = new DataClassRowMapper<>(TargetView.class);

    record ZoneView(String id, String name, String city, String province) {}

    record TargetView(
            String zoneId,
            int year,
            BigDecimal contractInvestmentCny,
            BigDecimal foreignCapitalUsd,
            Integer projectCount) {}
}
