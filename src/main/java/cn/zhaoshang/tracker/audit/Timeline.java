package cn.zhaoshang.tracker.audit;

import static cn.zhaoshang.tracker.shared.Money.WAN;
import static cn.zhaoshang.tracker.shared.Money.YI;

import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a project's event into one line a person understands, in Chinese and in English, with money written the
 * way officials write it: "2023-06-01 落地（开工）— 2023-06-03 由 bureau 登记".
 */
final class Timeline {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The stored payload types this class has a line for; other events are shown by their type. */
    static final Set<String> DESCRIBED = Stream.of(
                    ProjectSigned.class,
                    ProjectLanded.class,
                    ProductionStarted.class,
                    CapitalArrived.class,
                    ArrivalRetracted.class,
                    ContractAmended.class,
                    SigningCorrected.class,
                    ProjectTerminated.class,
                    WarningRaised.class,
                    WarningCleared.class)
            .map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    private Timeline() {}

    record Line(String zh, String en) {}

    /** What happened, without who and when: for views that show those in columns of their own. */
    static Line what(Object event) {
        return describe(event);
    }

    static Line of(Object event, Instant recordedAt, String recordedBy) {
        LocalDate recordedOn = LocalDate.ofInstant(recordedAt, CHINA);
        String who = recordedBy == null ? "system" : recordedBy;
        Line what = describe(event);
        return new Line(
                "%s — %s 由 %s 登记".formatted(what.zh(), recordedOn, who),
                "%s — recorded %s by %s".formatted(what.en(), recordedOn, who));
    }

    private static Line describe(Object event) {
        if (event instanceof ProjectSigned e) {
            return new Line(
                    "%s 签约：%s，投资方 %s，合同投资 %s"
                            .formatted(e.signedOn(), e.name(), e.investor().name(), yi(e.contractInvestmentCny())),
                    "%s signed: %s with %s, %s contracted"
                            .formatted(e.signedOn(), e.name(), e.investor().name(), yuan(e.contractInvestmentCny())));
        }
        if (event instanceof ProjectLanded e) {
            return new Line(
                    "%s 落地（开工）".formatted(e.landedOn()), "%s landed (construction started)".formatted(e.landedOn()));
        }
        if (event instanceof ProductionStarted e) {
            return new Line("%s 投产".formatted(e.startedOn()), "%s production started".formatted(e.startedOn()));
        }
        if (event instanceof CapitalArrived e) {
            return e.kind() == CapitalKind.FOREIGN
                    ? new Line(
                            "%s 实际到位外资 %s".formatted(e.arrivedOn(), wanUsd(e.amount())),
                            "%s foreign capital arrived: USD %s"
                                    .formatted(e.arrivedOn(), e.amount().toPlainString()))
                    : new Line(
                            "%s 实际到位资金 %s".formatted(e.arrivedOn(), wanYuan(e.amount())),
                            "%s capital arrived: %s".formatted(e.arrivedOn(), yuan(e.amount())));
        }
        if (event instanceof ArrivalRetracted e) {
            String amount = e.kind() == CapitalKind.FOREIGN ? wanUsd(e.amount()) : wanYuan(e.amount());
            return new Line(
                    "撤销 %s 登记的到位资金 %s，原因：%s".formatted(e.arrivedOn(), amount, e.reason()),
                    "arrival of %s (%s %s) retracted: %s"
                            .formatted(
                                    e.arrivedOn(),
                                    e.kind() == CapitalKind.FOREIGN ? "USD" : "CNY",
                                    e.amount().toPlainString(),
                                    e.reason()));
        }
        if (event instanceof ContractAmended e) {
            boolean increase = e.contractInvestmentCny().compareTo(e.previousContractInvestmentCny()) > 0;
            return new Line(
                    "%s %s：合同投资 %s → %s，原因：%s"
                            .formatted(
                                    e.amendedOn(),
                                    increase ? "增资" : "减资",
                                    yi(e.previousContractInvestmentCny()),
                                    yi(e.contractInvestmentCny()),
                                    e.reason()),
                    "%s contract %s: %s → %s: %s"
                            .formatted(
                                    e.amendedOn(),
                                    increase ? "increased" : "decreased",
                                    yuan(e.previousContractInvestmentCny()),
                                    yuan(e.contractInvestmentCny()),
                                    e.reason()));
        }
        if (event instanceof SigningCorrected e) {
            return new Line(
                    "更正签约信息：签约日期 %s，合同投资 %s，%s，%s（原为 %s，%s，%s，%s），原因：%s"
                            .formatted(
                                    e.signedOn(),
                                    yi(e.contractInvestmentCny()),
                                    top500(e.top500()),
                                    industry(e.industry()),
                                    e.previousSignedOn(),
                                    yi(e.previousContractInvestmentCny()),
                                    top500(e.previousTop500()),
                                    industry(e.previousIndustry()),
                                    e.reason()),
                    "signing corrected to %s, %s, top-500 %s, %s (was %s, %s, %s, %s): %s"
                            .formatted(
                                    e.signedOn(),
                                    yuan(e.contractInvestmentCny()),
                                    e.top500(),
                                    e.industry(),
                                    e.previousSignedOn(),
                                    yuan(e.previousContractInvestmentCny()),
                                    e.previousTop500(),
                                    e.previousIndustry(),
                                    e.reason()));
        }
        if (event instanceof ProjectTerminated e) {
            return new Line(
                    "%s 终止，原因：%s".formatted(e.terminatedOn(), e.reason()),
                    "%s terminated: %s".formatted(e.terminatedOn(), e.reason()));
        }
        if (event instanceof WarningRaised e) {
            return new Line(
                    "%s %s预警：%s（%s起，应于 %s 前%s）"
                            .formatted(
                                    e.raisedOn(),
                                    e.colour().chinese(),
                                    e.kind().chinese(),
                                    e.since(),
                                    e.dueOn(),
                                    e.kind() == WarningKind.NOT_LANDED ? "落地" : "投产"),
                    "%s %s warning: %s (since %s, due %s)"
                            .formatted(
                                    e.raisedOn(),
                                    e.colour().name().toLowerCase(Locale.ROOT),
                                    e.kind().english(),
                                    e.since(),
                                    e.dueOn()));
        }
        if (event instanceof WarningCleared e) {
            return new Line(
                    "%s 解除%s预警（%s）：%s"
                            .formatted(
                                    e.clearedOn(),
                                    e.colour().chinese(),
                                    e.kind().chinese(),
                                    e.recovery().chinese()),
                    "%s %s warning (%s) cleared: %s"
                            .formatted(
                                    e.clearedOn(),
                                    e.colour().name().toLowerCase(Locale.ROOT),
                                    e.kind().english(),
                                    e.recovery().english()));
        }
        String type = event.getClass().getSimpleName();
        return new Line(type, type);
    }

    private static String top500(Top500 top500) {
        if (top500 == null) {
            return "非500强";
        }
        return switch (top500) {
            case GLOBAL -> "世界500强";
            case CHINA -> "中国500强";
            case CHINA_PRIVATE -> "中国民营企业500强";
        };
    }

    private static String industry(Industry industry) {
        return switch (industry) {
            case SALT_CHEMICAL -> "盐卤化工";
            case FINE_CHEMICAL -> "精细化工";
            case NEW_ENERGY -> "新能源";
            case NEW_MATERIALS -> "新材料";
            case ADVANCED_EQUIPMENT -> "先进装备制造";
            case ELECTRONIC_INFORMATION -> "电子信息";
            case LOGISTICS -> "现代物流";
            case OTHER -> "其他";
        };
    }

    static String yi(BigDecimal yuan) {
        return plain(yuan.divide(YI, 6, RoundingMode.HALF_UP)) + "亿元";
    }

    static String wanYuan(BigDecimal yuan) {
        return plain(yuan.divide(WAN, 6, RoundingMode.HALF_UP)) + "万元";
    }

    static String wanUsd(BigDecimal dollars) {
        return plain(dollars.divide(WAN, 6, RoundingMode.HALF_UP)) + "万美元";
    }

    private static String yuan(BigDecimal yuan) {
        return "CNY " + yuan.toPlainString();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
