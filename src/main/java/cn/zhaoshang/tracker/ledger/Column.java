package cn.zhaoshang.tracker.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/** The template's columns, in order; the Chinese header is what the workbook must carry. */
enum Column {
    ZONE("开发区编号", "zone id, e.g. songmu", true),
    NAME("项目名称", "project name", true),
    INVESTOR("投资方", "investor", true),
    COUNTRY("投资方国别", "ISO 3166 code, e.g. JP, CN", false),
    TOP500("是否三类500强", "世界500强 / 中国500强 / 中国民营企业500强 / 否", false),
    INDUSTRY("产业链", "盐卤化工, 精细化工, 新能源, 新材料, 先进装备制造, 电子信息, 现代物流, 其他", true),
    SIGNED_ON("签约日期", "signing date", true),
    CONTRACT_YI("合同投资额（亿元）", "contracted investment in 100 million yuan", true),
    TAX_WAN("预计年税收（万元）", "expected annual tax in 10,000 yuan", false),
    LAND_MU("用地面积（亩）", "land in mu", false),
    LANDED_ON("落地日期", "landing (construction start) date", false),
    STARTED_ON("投产日期", "production start date", false),
    FOREIGN_WAN_USD("实际到位外资（万美元）", "foreign capital arrived, 10,000 US dollars", false),
    FOREIGN_ON("外资到位日期", "date the foreign capital arrived", false),
    DOMESTIC_WAN("实际到位内资（万元）", "domestic capital arrived, 10,000 yuan", false),
    DOMESTIC_ON("内资到位日期", "date the domestic capital arrived", false),
    TERMINATED_ON("终止日期", "termination date", false),
    TERMINATION_REASON("终止原因", "reason for the termination", false);

    static final List<Column> ALL = Arrays.asList(values());

    /**
     * Columns of the ledger export that describe a project as recorded rather than what to record: the reader skips
     * them, so that an exported ledger can be imported as it is.
     */
    static final Set<String> EXPORT_ONLY = Set.of(Workbooks.PROJECT_ID, Workbooks.STAGE, Workbooks.VERSION);

    final String header;
    final String hint;
    final boolean required;

    Column(String header, String hint, boolean required) {
        this.header = header;
        this.hint = hint;
        this.required = required;
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
