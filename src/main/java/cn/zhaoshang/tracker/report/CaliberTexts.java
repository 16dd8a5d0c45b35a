package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.pages.Figures;
import cn.zhaoshang.tracker.shared.Money;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of {@link Caliber} in the reader's language: each figure's name, unit and definition, and its value
 * written as the pages write it. The pages call it as {@code ${@calibers.label(figure, #locale)}}; the 月报 workbook
 * asks it in Chinese. Public methods are those the templates call.
 */
@Component("calibers")
class CaliberTexts {

    private final MessageSource messages;
    private final Figures figures;

    CaliberTexts(MessageSource messages, Figures figures) {
        this.messages = messages;
        this.figures = figures;
    }

    public String name(Caliber figure, Locale locale) {
        return text(figure.nameKey(), locale);
    }

    /** The name with the unit the value is written in, when it has one: "合同投资额（亿元）", "履约率". */
    public String label(Caliber figure, Locale locale) {
        String unit = unit(figure.unit(), locale);
        return unit.isEmpty() ? name(figure, locale) : text("caliber.withUnit", locale, name(figure, locale), unit);
    }

    /** The unit a value is written in ("亿元", "个"); empty for ratios and ranks, which say it themselves. */
    public String unit(Caliber.Unit unit, Locale locale) {
        return switch (unit) {
            case YI -> Money.columnUnit(Money.Unit.YI_YUAN, locale);
            case WAN_USD -> Money.columnUnit(Money.Unit.WAN_USD, locale);
            case WAN_CNY -> Money.columnUnit(Money.Unit.WAN_YUAN, locale);
            default -> text("caliber.unit." + unit.name(), locale);
        };
    }

    public String definition(Caliber figure, Locale locale) {
        return text(figure.definitionKey(), locale);
    }

    public String group(Caliber.Group group, Locale locale) {
        return text("caliber.group." + group.name(), locale);
    }

    /** The value as the pages write it, without its unit: "115", "207%", "29.4%", "第1"; "—" for none. */
    public String value(Caliber figure, BigDecimal value, Locale locale) {
        return value(figure.unit(), value, locale);
    }

    /** A value in one of the figures' units, written as the figures in that unit are. */
    String value(Caliber.Unit unit, BigDecimal value, Locale locale) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case YI -> Money.inColumn(value, Money.Unit.YI_YUAN, locale);
            case WAN_USD -> Money.inColumn(value, Money.Unit.WAN_USD, locale);
            case WAN_CNY -> Money.inColumn(value, Money.Unit.WAN_YUAN, locale);
            case PERCENT -> figures.percent(value);
            case SHARE, RATE -> figures.share(value);
            case RANK -> text("tile.rank.value", locale, value.toPlainString());
            case COUNT, ZONES, DAYS -> value.toPlainString();
        };
    }

    /** Not for the templates: with a null value, SpEL could take this one for {@link #value(Caliber, BigDecimal, Locale)}. */
    String value(Caliber figure, ZoneYearViews views, Locale locale) {
        return value(figure, figure.of(views), locale);
    }

    /** A city's name ({@code city.hengyang=衡阳市}), or its id when the messages have none. */
    String city(String city, Locale locale) {
        return messages.getMessage("city." + city, null, city, locale);
    }

    /** A province's name ({@code province.hunan=湖南省}), or its id when the messages have none. */
    String province(String province, Locale locale) {
        return messages.getMessage("province." + province, null, province, locale);
    }

    String industry(String industry, Locale locale) {
        return messages.getMessage("industry." + industry, null, industry, locale);
    }

    /** The top-500 list's name ({@code top500.GLOBAL=世界500强}). */
    String top500(String list, Locale locale) {
        return messages.getMessage("top500." + list, null, list, locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
