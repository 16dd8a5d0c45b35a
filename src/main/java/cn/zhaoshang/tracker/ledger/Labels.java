package cn.zhaoshang.tracker.ledger;

import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.project.api.Top500;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The Chinese words officials write for the enumerations. */
final class Labels {

    private Labels() {}

    static final Map<Industry, String> INDUSTRIES = Map.of(
            Industry.SALT_CHEMICAL, "盐卤化工",
            Industry.FINE_CHEMICAL, "精细化工",
            Industry.NEW_ENERGY, "新能源",
            Industry.NEW_MATERIALS, "新材料",
            Industry.ADVANCED_EQUIPMENT, "先进装备制造",
            Industry.ELECTRONIC_INFORMATION, "电子信息",
            Industry.LOGISTICS, "现代物流",
            Industry.OTHER, "其他");

    static final Map<Top500, String> TOP500 = Map.of(
            Top500.GLOBAL, "世界500强",
            Top500.CHINA, "中国500强",
            Top500.CHINA_PRIVATE, "中国民营企业500强");

    static final Map<Stage, String> STAGES = Map.of(
            Stage.SIGNED, "已签约",
            Stage.LANDED, "已落地",
            Stage.IN_PRODUCTION, "已投产",
            Stage.TERMINATED, "已终止");

    /** The industries' words in the enumeration's order, for a message that lists them. */
    static String industryChoices() {
        return Arrays.stream(Industry.values()).map(INDUSTRIES::get).collect(Collectors.joining("、"));
    }

    static String top500(Top500 top500) {
        return top500 == null ? "否" : TOP500.get(top500);
    }
}
