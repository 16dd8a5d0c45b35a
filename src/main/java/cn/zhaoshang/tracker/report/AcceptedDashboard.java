package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.shared.WrittenFigures;
import cn.zhaoshang.tracker.submission.api.OfficialMonths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard on the official figures ({@code basis=accepted}): a zone's accepted submission of a month, its frozen
 * figures as the live dashboard's tiles and 口径 table, who accepted it and when, and a call to restate when the live
 * figures have moved since. Charts, rankings and warnings follow the live history and stay on the live dashboard.
 */
@Component
class AcceptedDashboard {

    /** {@code submissionId} is null when the month has no accepted submission; {@code basis} says which it shows. */
    record Data(
            String zoneId,
            String zoneName,
            int year,
            int month,
            String basis,
            String submissionId,
            List<DashboardTiles.Tile> tiles,
            List<WrittenFigures.Figure> figures,
            int driftedFigures) {}

    private final OfficialMonths months;
    private final FrozenFigures frozen;
    private final DashboardTiles tiles;
    private final CaliberTexts calibers;
    private final Shown shown;

    AcceptedDashboard(
            OfficialMonths months, FrozenFigures frozen, DashboardTiles tiles, CaliberTexts calibers, Shown shown) {
        this.months = months;
        this.frozen = frozen;
        this.tiles = tiles;
        this.calibers = calibers;
        this.shown = shown;
    }

    Data of(String zoneId, String zoneName, int year, int month, Locale locale) {
        String label = shown.month(year, month, locale);
        Optional<OfficialMonths.Official> accepted = months.accepted(zoneId, year, month);
        if (accepted.isEmpty()) {
            return new Data(
                    zoneId,
                    zoneName,
                    year,
                    month,
                    calibers.text("dashboard.basis.none", locale, label),
                    null,
                    List.of(),
                    List.of(),
                    0);
        }
        OfficialMonths.Official official = accepted.get();
        ZoneYearReport report = frozen.report(official.figures(), year, official.asOf(), official.position());
        return new Data(
                zoneId,
                zoneName,
                year,
                month,
                calibers.text(
                        "dashboard.basis.accepted",
                        locale,
                        label,
                        official.acceptedBy(),
                        Shown.moment(official.acceptedAt()),
                        official.asOf().toString()),
                official.submissionId(),
                tiles.of(report, locale),
                frozen.all(official.figures(), locale),
                official.driftedFigures());
    }
}
