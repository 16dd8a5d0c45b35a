package cn.zhaoshang.tracker.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/**
 * The template's columns, in order; the Chinese header is what the workbook carries, and the instructions in Chinese
 * and English are the template's 填写说明 sheet.
 */
enum Column {
    ZONE(
            "开发区编号",
            true,
            "开发区编号，由小写字母、数字和连字符组成，如 songmu；须是已登记的开发区。",
            "Zone id: lower-case letters, digits and hyphens, e.g. songmu; the zone must be registered."),
    NAME(
            "项目名称",
            true,
            "项目全称，最多 200 字。同一开发区、同一签约日期的同名项目视为同一项目。",
            "The project's full name, at most 200 characters. A project of this name signed in the same zone on the"
                    + " same date is the same project."),
    INVESTOR("投资方", true, "投资方名称，最多 200 字。", "The investor's name, at most 200 characters."),
    COUNTRY(
            "投资方国别",
            false,
            "两位大写字母的国别代码（ISO 3166），如 CN、JP、DE；可不填。",
            "The investor's country as a two-letter ISO 3166 code, e.g. CN, JP, DE; optional."),
    TOP500(
            "是否三类500强",
            false,
            "填 世界500强、中国500强、中国民营企业500强 或 否；不填视为否。",
            "One of 世界500强 (Fortune Global 500), 中国500强 (China top 500), 中国民营企业500强 (China private top 500) or 否"
                    + " (none); empty means none."),
    INDUSTRY(
            "产业链",
            true,
            "填 盐卤化工、精细化工、新能源、新材料、先进装备制造、电子信息、现代物流、其他 之一。",
            "One of 盐卤化工 (salt-brine chemicals), 精细化工 (fine chemicals), 新能源 (new energy), 新材料 (new"
                    + " materials), 先进装备制造 (advanced equipment), 电子信息 (electronic information), 现代物流"
                    + " (logistics), 其他 (other)."),
    SIGNED_ON(
            "签约日期",
            true,
            "写作 2023-03-15、2023/3/15 或 2023年3月15日，也可用 Excel 日期；不得晚于今天。",
            "The signing date, written 2023-03-15, 2023/3/15 or 2023年3月15日, or an Excel date; not after today."),
    CONTRACT_YI(
            "合同投资额（亿元）",
            true,
            "单位亿元（1.5 即 1.5 亿元），大于 0；换算成元后最多两位小数。",
            "Contracted investment in 亿元 (100 million yuan: 1.5 is 150 million yuan), more than 0; at most two"
                    + " decimals once converted to yuan."),
    TAX_WAN("预计年税收（万元）", false, "预计每年纳税额，单位万元；可不填。", "Expected annual tax in 万元 (10,000 yuan); optional."),
    LAND_MU("用地面积（亩）", false, "单位亩，大于 0；可不填。", "Land area in mu (1 mu = 666.7 m²), more than 0; optional."),
    LANDED_ON(
            "落地日期",
            false,
            "落地（开工）日期，不早于签约日期；未落地留空。",
            "Landing (construction start) date, not before the signing; empty if not landed yet."),
    STARTED_ON(
            "投产日期",
            false,
            "不早于落地日期；填投产日期须同时填落地日期。",
            "Production start date, not before the landing; needs the landing date."),
    FOREIGN_WAN_USD(
            "实际到位外资（万美元）",
            false,
            "实际到位的外资，单位万美元，大于 0；须同时填外资到位日期。",
            "Foreign capital actually received, in 万美元 (10,000 US dollars), more than 0; needs its date."),
    FOREIGN_ON("外资到位日期", false, "不早于签约日期。", "Date the foreign capital arrived, not before the signing."),
    DOMESTIC_WAN(
            "实际到位内资（万元）",
            false,
            "实际到位的内资，单位万元，大于 0；须同时填内资到位日期。",
            "Domestic capital actually received, in 万元 (10,000 yuan), more than 0; needs its date."),
    DOMESTIC_ON("内资到位日期", false, "不早于签约日期。", "Date the domestic capital arrived, not before the signing."),
    TERMINATED_ON(
            "终止日期",
            false,
            "不早于签约日期（已落地的不早于落地日期）；须同时填终止原因。",
            "Termination date, not before the signing (nor the landing); needs its reason."),
    TERMINATION_REASON(
            "终止原因",
            false,
            "最多 1000 字；有终止日期时必填。",
            "Why it was terminated, at most 1000 characters; required with a" + " termination date.");

    static final List<Column> ALL = Arrays.asList(values());

    /**
     * Columns of the ledger export that describe a project as recorded rather than what to record: the reader skips
     * them, so that an exported ledger can be imported as it is.
     */
    static final Set<String> EXPORT_ONLY = Set.of(Workbooks.PROJECT_ID, Workbooks.STAGE, Workbooks.VERSION);

    final String header;
    final boolean required;
    /** How to fill the column in, in Chinese. */
    final String zh;
    /** The same in English. */
    final String en;

    Column(String header, boolean required, String zh, String en) {
        this.header = header;
        this.required = required;
        this.zh = zh;
        this.en = en;
    }

    /** The header as the template writes it: a required column marked with "*", as the instructions say. */
    String marked() {
        return required ? header + "*" : header;
    }

    /** The spreadsheet letter of the column in the template, as officials point at a cell ("G5"). */
    String letter() {
        return letter(ordinal());
    }

    /** The letter of a sheet's column by its index from 0: A … Z, AA, … */
    static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }

    /** The column whose header this is, or null. */
    static Column named(String header) {
        return ALL.stream()
                .filter(column -> column.header.equals(header))
                .findFirst()
                .orElse(null);
    }

    /**
     * A header as written, without the "*" (or "＊") that marks a required column, before or after it, and with ASCII
     * brackets read as the template's full-width ones: 项目名称*, *项目名称 and 合同投资额(亿元) are the template's.
     */
    static String unmarked(String header) {
        String name = header.strip();
        while (name.startsWith("*") || name.startsWith("＊")) {
            name = name.substring(1).strip();
        }
        while (name.endsWith("*") || name.endsWith("＊")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name.replace('(', '（').replace(')', '）');
    }
}
