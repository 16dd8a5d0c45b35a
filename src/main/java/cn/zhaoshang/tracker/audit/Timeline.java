package cn.zhaoshang.tracker.audit;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.shared.Money;
import cn.zhaoshang.tracker.shared.Money.Unit;
import cn.zhaoshang.tracker.shared.Reasoned;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an event into one line a person understands, in Chinese and in English, with money written as
 * {@link Money} writes it for each (15亿元, CNY 1.5 billion) and every digit kept: "2023-06-01 落地（开工） —
 * 2023-06-03 由 bureau 登记". {@link #what} leaves out the reason and who recorded it, for views that show those
 * apart; {@link #of} is the whole sentence.
 */
final class Timeline {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** The stored payload types this class has a line for; other events are shown by their type's name. */
    static final Set<String> DESCRIBED =
            EventTypes.ALL.stream().map(Class::getName).collect(Collectors.toUnmodifiableSet());

    private Timeline() {}

    record Line(String zh, String en) {}

    /**
     * Where the other half of an arrival and its retraction stands: for an arrival its retraction, for a retraction
     * the arrival it withdraws.
     */
    record Counterpart(long position, long sequence, Instant recordedAt) {}

    /** What happened, without why, who and when it was recorded. */
    static Line what(Object event) {
        return what(event, null);
    }

    /** What happened, naming its counterpart (null when it has none or it is not known). */
    static Line what(Object event, Counterpart counterpart) {
        if (event instanceof CapitalArrived e) {
            return arrived(e, counterpart);
        }
        if (event instanceof ArrivalRetracted e) {
            return retracted(e, counterpart);
        }
        return describe(event);
    }

    /**
     * "到位日期" is the day the money arrived, a business date; "登记于" the moment it was recorded. The short arrival id
     * tells two arrivals of the same day and amount apart.
     */
    private static Line arrived(CapitalArrived e, Counterpart retraction) {
        Unit unit = unit(e.kind());
        boolean foreign = e.kind() == CapitalKind.FOREIGN;
        String zh = "实际到位%s %s（到位日期 %s，到位编号 %s）"
                .formatted(foreign ? "外资" : "内资", amount(e.amount(), unit, ZH), e.arrivedOn(), shortId(e.arrivalId()));
        String en = "%s received: %s (arrived on %s, arrival %s)"
                .formatted(
                        foreign ? "foreign capital" : "domestic capital",
                        amount(e.amount(), unit, EN),
                        e.arrivedOn(),
                        shortId(e.arrivalId()));
        if (retraction != null) {
            zh += "；已于 %s 撤销（位置 %d）".formatted(minute(retraction.recordedAt()), retraction.position());
            en += "; retracted at %s (position %d)".formatted(minute(retraction.recordedAt()), retraction.position());
        }
        return new Line(zh, en);
    }

    private static Line retracted(ArrivalRetracted e, Counterpart arrival) {
        Unit unit = unit(e.kind());
        boolean foreign = e.kind() == CapitalKind.FOREIGN;
        String recordedZh =
                arrival == null ? "" : "，登记于 %s，位置 %d".formatted(minute(arrival.recordedAt()), arrival.position());
        String recordedEn = arrival == null
                ? ""
                : ", recorded at %s, position %d".formatted(minute(arrival.recordedAt()), arrival.position());
        return new Line(
                "撤销到位%s %s（到位日期 %s%s，到位编号 %s）"
                        .formatted(
                                foreign ? "外资" : "内资",
                                amount(e.amount(), unit, ZH),
                                e.arrivedOn(),
                                recordedZh,
                                shortId(e.arrivalId())),
                "%s of %s retracted (arrived on %s%s, arrival %s)"
                        .formatted(
                                foreign ? "foreign capital" : "domestic capital",
                                amount(e.amount(), unit, EN),
                                e.arrivedOn(),
                                recordedEn,
                                shortId(e.arrivalId())));
    }

    private static String shortId(ArrivalId arrival) {
        String id = arrival.value();
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    /** A moment as people read it here: Beijing time, to the minute. */
    private static String minute(Instant instant) {
        return MINUTE.format(instant.atZone(CHINA));
    }

    /** The reason the event carries (a retraction, an amendment, a correction, a termination), or null. */
    static String reason(Object event) {
        return event instanceof Reasoned reasoned ? reasoned.reason() : null;
    }

    /** The whole sentence: what happened, why (once), and who recorded it on which day. */
    static Line of(Object event, Instant recordedAt, String recordedBy) {
        return of(event, recordedAt, recordedBy, null);
    }

    /** The whole sentence, naming the event's counterpart (null when it has none or it is not known). */
    static Line of(Object event, Instant recordedAt, String recordedBy, Counterpart counterpart) {
        LocalDate recordedOn = LocalDate.ofInstant(recordedAt, CHINA);
        String who = recordedBy == null ? "system" : recordedBy;
        Line what = what(event, counterpart);
        String reason = reason(event);
        return new Line(
                "%s%s — %s 由 %s 登记".formatted(what.zh(), reason == null ? "" : "，原因：" + reason, recordedOn, who),
                "%s%s — recorded %s by %s"
                        .formatted(what.en(), reason == null ? "" : "; reason: " + reason, recordedOn, who));
    }

    private static Line describe(Object event) {
        Line access = Grants.describe(event);
        if (access != null) {
            return access;
        }
        Line reported = Reported.describe(event);
        if (reported != null) {
            return reported;
        }
        if (event instanceof ProjectSigned e) {
            return new Line(
                    "%s 签约：%s，投资方 %s，合同投资 %s"
                            .formatted(
                                    e.signedOn(),
                                    e.name(),
                                    e.investor().name(),
                                    amount(e.contractInvestmentCny(), Unit.YI_YUAN, ZH)),
                    "%s signed: %s with %s, %s contracted"
                            .formatted(
                                    e.signedOn(),
                                    e.name(),
                                    e.investor().name(),
                                    amount(e.contractInvestmentCny(), Unit.YI_YUAN, EN)));
        }
        if (event instanceof ProjectLanded e) {
            return new Line(
                    "%s 落地（开工）".formatted(e.landedOn()), "%s landed (construction started)".formatted(e.landedOn()));
        }
        if (event instanceof ProductionStarted e) {
            return new Line("%s 投产".formatted(e.startedOn()), "%s production started".formatted(e.startedOn()));
        }
        if (event instanceof ContractAmended e) {
            boolean increase = e.contractInvestmentCny().compareTo(e.previousContractInvestmentCny()) > 0;
            return new Line(
                    "%s %s：合同投资 %s → %s"
                            .formatted(
                                    e.amendedOn(),
                                    increase ? "增资" : "减资",
                                    amount(e.previousContractInvestmentCny(), Unit.YI_YUAN, ZH),
                                    amount(e.contractInvestmentCny(), Unit.YI_YUAN, ZH)),
                    "%s contract %s: %s → %s"
                            .formatted(
                                    e.amendedOn(),
                                    increase ? "increased" : "decreased",
                                    amount(e.previousContractInvestmentCny(), Unit.YI_YUAN, EN),
                                    amount(e.contractInvestmentCny(), Unit.YI_YUAN, EN)));
        }
        if (event instanceof SigningCorrected e) {
            return new Line(
                    "更正签约信息：签约日期 %s，合同投资 %s，%s，%s（原为 %s，%s，%s，%s）"
                            .formatted(
                                    e.signedOn(),
                                    amount(e.contractInvestmentCny(), Unit.YI_YUAN, ZH),
                                    top500(e.top500()).zh(),
                                    industry(e.industry()).zh(),
                                    e.previousSignedOn(),
                                    amount(e.previousContractInvestmentCny(), Unit.YI_YUAN, ZH),
                                    top500(e.previousTop500()).zh(),
                                    industry(e.previousIndustry()).zh()),
                    "signing corrected to %s, %s, %s, %s (was %s, %s, %s, %s)"
                            .formatted(
                                    e.signedOn(),
                                    amount(e.contractInvestmentCny(), Unit.YI_YUAN, EN),
                                    top500(e.top500()).en(),
                                    industry(e.industry()).en(),
                                    e.previousSignedOn(),
                                    amount(e.previousContractInvestmentCny(), Unit.YI_YUAN, EN),
                                    top500(e.previousTop500()).en(),
                                    industry(e.previousIndustry()).en()));
        }
        if (event instanceof ProjectTerminated e) {
            return new Line("%s 终止".formatted(e.terminatedOn()), "%s terminated".formatted(e.terminatedOn()));
        }
        if (event instanceof EvidenceAttached e) {
            return evidence(e);
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
        if (event instanceof ZoneRegistered e) {
            return new Line(
                    "登记开发区：%s（%s）".formatted(e.name(), e.city()),
                    "zone registered: %s (%s)".formatted(e.name(), e.city()));
        }
        if (event instanceof AnnualTargetSet e) {
            return targets(e);
        }
        if (event instanceof WarningRulesSet e) {
            WarningRules rules = e.rules();
            return new Line(
                    "预警规则：签约后 %d 天未落地黄色预警、%d 天红色预警；落地后 %d 天未投产黄色预警、%d 天红色预警"
                            .formatted(
                                    rules.notLandedYellowDays(),
                                    rules.notLandedRedDays(),
                                    rules.notInProductionYellowDays(),
                                    rules.notInProductionRedDays()),
                    ("warning rules: yellow %d days after signing without landing, red after %d;"
                                    + " yellow %d days after landing without production, red after %d")
                            .formatted(
                                    rules.notLandedYellowDays(),
                                    rules.notLandedRedDays(),
                                    rules.notInProductionYellowDays(),
                                    rules.notInProductionRedDays()));
        }
        String type = event.getClass().getSimpleName();
        return new Line(type, type);
    }

    /** The file as the chain knows it (name, type, size, hash) and the event it supports. */
    private static Line evidence(EvidenceAttached e) {
        Object[] file = {e.fileName(), e.mediaType(), e.sizeBytes(), e.sha256(), e.attachedTo()};
        boolean noted = e.note() != null && !e.note().isEmpty();
        return new Line(
                "附凭证“%s”（%s，%d 字节，SHA-256 %s）支持第 %d 号事件".formatted(file) + (noted ? "：" + e.note() : ""),
                "evidence \"%s\" (%s, %d bytes, SHA-256 %s) attached to event %d".formatted(file)
                        + (noted ? ": " + e.note() : ""));
    }

    private static Line targets(AnnualTargetSet e) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (e.contractInvestmentCny() != null) {
            zh.add("合同投资 " + amount(e.contractInvestmentCny(), Unit.YI_YUAN, ZH));
            en.add("contracted investment " + amount(e.contractInvestmentCny(), Unit.YI_YUAN, EN));
        }
        if (e.foreignCapitalUsd() != null) {
            zh.add("到位外资 " + amount(e.foreignCapitalUsd(), Unit.WAN_USD, ZH));
            en.add("foreign capital " + amount(e.foreignCapitalUsd(), Unit.WAN_USD, EN));
        }
        if (e.projectCount() != null) {
            zh.add("签约项目 %d 个".formatted(e.projectCount()));
            en.add("%d projects".formatted(e.projectCount()));
        }
        return new Line(
                "%d年度目标：%s".formatted(e.year(), zh.isEmpty() ? "未设" : String.join("，", zh)),
                "targets for %d: %s".formatted(e.year(), en.isEmpty() ? "none" : String.join(", ", en)));
    }

    private static Unit unit(CapitalKind kind) {
        return kind == CapitalKind.FOREIGN ? Unit.WAN_USD : Unit.WAN_YUAN;
    }

    /** Every digit kept: a correction by a few yuan must still read as a change. */
    private static String amount(BigDecimal amount, Unit unit, Locale locale) {
        return Money.writtenExactly(amount, unit, locale);
    }

    private static Line top500(Top500 top500) {
        if (top500 == null) {
            return new Line("非500强", "not top-500");
        }
        return switch (top500) {
            case GLOBAL -> new Line("世界500强", "Fortune Global 500");
            case CHINA -> new Line("中国500强", "China top 500");
            case CHINA_PRIVATE -> new Line("中国民营企业500强", "China private top 500");
        };
    }

    private static Line industry(Industry industry) {
        return switch (industry) {
            case SALT_CHEMICAL -> new Line("盐卤化工", "salt chemicals");
            case FINE_CHEMICAL -> new Line("精细化工", "fine chemicals");
            case NEW_ENERGY -> new Line("新能源", "new energy");
            case NEW_MATERIALS -> new Line("新材料", "new materials");
            case ADVANCED_EQUIPMENT -> new Line("先进装备制造", "advanced equipment");
            case ELECTRONIC_INFORMATION -> new Line("电子信息", "electronics and IT");
            case LOGISTICS -> new Line("现代物流", "logistics");
            case OTHER -> new Line("其他", "other");
        };
    }
}
