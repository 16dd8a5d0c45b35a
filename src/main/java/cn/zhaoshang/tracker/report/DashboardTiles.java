package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.pages.Figures;
import cn.zhaoshang.tracker.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dashboard's headline tiles, worded and formatted in the reader's language from one zone-year report. */
@Component
class DashboardTiles {

    /**
     * {@code tone} is "above" or "short" of the target, or empty; {@code definition} is the 口径 of the figure the
     * tile shows.
     */
    record Tile(
            String key,
            String label,
            String value,
            String unit,
            String note,
            String remark,
            String tone,
            String definition) {}

    private final MessageSource messages;
    private final Figures figures;
    private final CaliberTexts calibers;

    DashboardTiles(MessageSource messages, Figures figures, CaliberTexts calibers) {
        this.messages = messages;
        this.figures = figures;
        this.calibers = calibers;
    }

    List<Tile> of(ZoneYearReport report, Locale locale) {
        ZoneYearReport.Targets targets = report.targets();
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile(
                "projects",
                calibers.name(Caliber.PROJECTS_SIGNED, locale),
                String.valueOf(report.projectsSigned()),
                text("unit.projects", locale),
                targets.projectCount() == null
                        ? text("tile.noTarget", locale)
                        : text(
                                "tile.target",
                                locale,
                                targets.projectCount() + text("unit.projects", locale),
                                figures.percent(report.projectCountCompletion())),
                "",
                "",
                calibers.definition(Caliber.PROJECTS_SIGNED, locale)));
        tiles.add(new Tile(
                "top500",
                calibers.name(Caliber.TOP500_PROJECTS, locale),
                String.valueOf(report.top500Projects()),
                text("unit.projects", locale),
                text("tile.top500.note", locale),
                "",
                "",
                calibers.definition(Caliber.TOP500_PROJECTS, locale)));
        Money.Written contract = Money.writtenInParts(report.contractInvestmentCny(), Money.Unit.YI_YUAN, locale);
        tiles.add(targeted(
                "contract",
                calibers.name(Caliber.CONTRACT_INVESTMENT, locale),
                contract.figure(),
                contract.unit(),
                targets.contractInvestmentCny() == null
                        ? null
                        : Money.written(targets.contractInvestmentCny(), Money.Unit.YI_YUAN, locale),
                report.contractInvestmentCompletion(),
                Caliber.CONTRACT_INVESTMENT,
                locale));
        Money.Written foreign = Money.writtenInParts(report.foreignCapitalArrivedUsd(), Money.Unit.WAN_USD, locale);
        tiles.add(targeted(
                "foreign",
                calibers.name(Caliber.FOREIGN_CAPITAL, locale),
                foreign.figure(),
                foreign.unit(),
                targets.foreignCapitalUsd() == null
                        ? null
                        : Money.written(targets.foreignCapitalUsd(), Money.Unit.WAN_USD, locale),
                report.foreignCapitalCompletion(),
                Caliber.FOREIGN_CAPITAL,
                locale));
        ZoneYearReport.City city = report.city();
        tiles.add(new Tile(
                "share",
                text("tile.share", locale, cityName(city.city(), locale)),
                figures.share(city.foreignCapitalShare()),
                "",
                text(
                        "tile.share.note",
                        locale,
                        Money.written(city.foreignCapitalArrivedUsd(), Money.Unit.WAN_USD, locale)),
                "",
                "",
                calibers.definition(Caliber.CITY_SHARE, locale)));
        Integer rank = Caliber.rankShown(report);
        tiles.add(new Tile(
                "rank",
                text("tile.rank", locale),
                rank == null ? "—" : text("tile.rank.value", locale, String.valueOf(rank)),
                "",
                text("tile.rank.note", locale, String.valueOf(city.zones())),
                "",
                "",
                calibers.definition(Caliber.CITY_RANK, locale)));
        return tiles;
    }

    private Tile targeted(
            String key,
            String label,
            String value,
            String unit,
            String target,
            BigDecimal completion,
            Caliber figure,
            Locale locale) {
        String definition = calibers.definition(figure, locale);
        if (target == null) {
            return new Tile(key, label, value, unit, text("tile.noTarget", locale), "", "", definition);
        }
        Integer points = figures.points(completion);
        String remark;
        String tone;
        if (points > 0) {
            remark = text("tile.above", locale, String.valueOf(points));
            tone = "above";
        } else if (points < 0) {
            remark = text("tile.short", locale, String.valueOf(-points));
            tone = "short";
        } else {
            remark = text("tile.exact", locale);
            tone = "above";
        }
        return new Tile(
                key,
                label,
                value,
                unit,
                text("tile.target", locale, target, figures.percent(completion)),
                remark,
                tone,
                definition);
    }

    /** A city's name from the messages ({@code city.hengyang=衡阳市}), or its id when it has none. */
    String cityName(String city, Locale locale) {
        return messages.getMessage("city." + city, null, city, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
