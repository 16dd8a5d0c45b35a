package cn.zhaoshang.tracker.demo;

import static cn.zhaoshang.tracker.project.api.Industry.ADVANCED_EQUIPMENT;
import static cn.zhaoshang.tracker.project.api.Industry.ELECTRONIC_INFORMATION;
import static cn.zhaoshang.tracker.project.api.Industry.FINE_CHEMICAL;
import static cn.zhaoshang.tracker.project.api.Industry.LOGISTICS;
import static cn.zhaoshang.tracker.project.api.Industry.NEW_ENERGY;
import static cn.zhaoshang.tracker.project.api.Industry.NEW_MATERIALS;
import static cn.zhaoshang.tracker.project.api.Industry.OTHER;
import static cn.zhaoshang.tracker.project.api.Industry.SALT_CHEMICAL;
import static cn.zhaoshang.tracker.project.api.Top500.CHINA;
import static cn.zhaoshang.tracker.project.api.Top500.CHINA_PRIVATE;
import static cn.zhaoshang.tracker.project.api.Top500.GLOBAL;
import static java.nio.charset.StandardCharsets.UTF_8;

import cn.zhaoshang.tracker.project.api.AmendContract;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.CorrectSigning;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.RecordCapitalArrival;
import cn.zhaoshang.tracker.project.api.RecordLanding;
import cn.zhaoshang.tracker.project.api.RecordProductionStart;
import cn.zhaoshang.tracker.project.api.RetractArrival;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.project.api.TerminateProject;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.shared.BusinessDate;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.SetAnnualTarget;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The demo history, written like the bureau's ledger: the zones, Songmu's annual targets, then one block per zone
 * and year with one chain of facts per project, each fact with its business date.
 *
 * <p>A fact is recorded a few working days after its date (a contract is entered quickly, money only once the bank
 * has confirmed it), never before the project's previous entry; corrections and retractions name the day they were
 * recorded. {@link #steps()} puts everything in recording order and spreads each day's entries over office hours in
 * China, so the global order of the events and their recording times agree.
 *
 * <p>Ids are derived from the names, so the history is the same on every start. Firms named in the Songmu article
 * keep their names and industries; the projects, figures and the other firms are invented.
 */
final class DemoData {

    /** One command and the instant the bureau recorded it. */
    record Step(Instant recordedAt, Object command) {}

    private static final String HENGYANG = "hengyang";
    private static final String ZHUZHOU = "zhuzhou";
    /** Both demo cities are in Hunan. */
    private static final String HUNAN = "hunan";

    private static final String SONGMU = "songmu";
    private static final String HENGYANG_HI_TECH = "hengyang-hi-tech";
    private static final String BAISHAZHOU = "baishazhou";
    private static final String HENGYANG_FTZ = "hengyang-ftz";
    private static final String HENGSHAN = "hengshan";
    private static final String ZHUZHOU_HI_TECH = "zhuzhou-hi-tech";

    private static final int SIGNING_LAG_DAYS = 2;
    private static final int MILESTONE_LAG_DAYS = 3;
    private static final int ARRIVAL_LAG_DAYS = 4;

    private static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);
    private static final int OFFICE_MINUTES = 8 * 60;
    private static final int MINUTES_BETWEEN_ENTRIES = 20;

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, LocalDate> zonesRegisteredOn = new HashMap<>();
    private final Set<ProjectId> projects = new HashSet<>();

    private DemoData() {}

    /** The whole demo history in recording order. */
    static List<Step> steps() {
        DemoData ledger = new DemoData();
        ledger.zones();
        ledger.songmuTargets();
        ledger.songmu2021();
        ledger.songmu2022();
        ledger.songmu2023();
        ledger.songmu2024();
        ledger.otherHengyangZones();
        ledger.zhuzhou();
        return ledger.inRecordingOrder();
    }

    private void zones() {
        zone("2021-01-05", SONGMU, "衡阳松木经济开发区", HENGYANG);
        zone("2021-01-05", HENGYANG_HI_TECH, "衡阳高新技术产业开发区", HENGYANG);
        zone("2021-01-05", BAISHAZHOU, "衡阳白沙洲工业园区", HENGYANG);
        zone("2021-01-05", HENGYANG_FTZ, "衡阳综合保税区", HENGYANG);
        zone("2021-01-05", HENGSHAN, "衡山经济开发区", HENGYANG);
        zone("2021-01-05", ZHUZHOU_HI_TECH, "株洲高新技术产业开发区", ZHUZHOU);
    }

    /** 全年任务: contract investment, foreign capital received, projects signed. */
    private void songmuTargets() {
        target("2021-01-12", SONGMU, 2021, yi("40"), wan("300"), 8);
        target("2022-01-11", SONGMU, 2022, yi("50"), wan("500"), 10);
        target("2023-01-10", SONGMU, 2023, yi("100"), wan("700"), 20);
        target("2024-01-09", SONGMU, 2024, yi("110"), wan("800"), 22);
    }

    private void songmu2021() {
        sign(
                        SONGMU,
                        "2021-02-23",
                        "建滔（衡阳）覆铜面板一期项目",
                        firm("建滔集团", "HK"),
                        ELECTRONIC_INFORMATION,
                        yi("12"),
                        wan("6000"),
                        260)
                .foreign("2021-05-18", wan("200"))
                .landed("2021-06-01")
                .foreign("2021-11-09", wan("150"))
                .inProduction("2022-03-15")
                .foreign("2022-04-20", wan("120"));
        sign(SONGMU, "2021-03-09", "建滔化工烧碱及双氧水扩能项目", firm("衡阳建滔化工", "CN"), SALT_CHEMICAL, yi("8"), wan("5000"), 150)
                .landed("2021-06-22")
                .domestic("2021-07-15", wan("20000"))
                .inProduction("2022-04-12");
        sign(SONGMU, "2021-04-13", "瑞达电源动力电池生产线项目", firm("瑞达电源", "CN"), NEW_ENERGY, yi("6"), wan("3000"), 120)
                .landed("2021-08-10")
                .domestic("2021-09-08", wan("8000"))
                .inProduction("2022-06-20");
        sign(SONGMU, "2021-05-20", "恒缘新材电工绝缘漆项目", firm("恒缘新材", "CN"), NEW_MATERIALS, yi("3"), wan("1200"), 50)
                .landed("2021-09-14")
                .inProduction("2022-05-10");
        sign(SONGMU, "2021-07-06", "福邦新材电子级氢氟酸项目", firm("福邦新材", "CN"), NEW_MATERIALS, yi("4"), wan("1800"), 80)
                .landed("2021-11-23")
                .domestic("2021-12-16", wan("6000"))
                .inProduction("2022-09-27");
        sign(SONGMU, "2021-08-17", "湘研化工氯代芳烃项目", firm("湘研化工", "CN"), FINE_CHEMICAL, yi("3.5"), wan("1500"), 60)
                .landed("2021-12-14")
                .inProduction("2022-10-18");
        sign(SONGMU, "2021-09-28", "松木化工品仓储物流中心", firm("湘南物流", "CN"), LOGISTICS, yi("2.5"), wan("600"), 90)
                .landed("2022-02-22")
                .inProduction("2022-12-06");
        sign(SONGMU, "2021-11-16", "嘉励器材化工泵阀项目", firm("嘉励器材", "CN"), ADVANCED_EQUIPMENT, yi("2"), wan("800"), 40)
                .landed("2022-03-29")
                .inProduction("2023-01-10");
    }

    private void songmu2022() {
        sign(SONGMU, "2022-01-20", "湘衡盐化烧碱扩能项目", firm("湘衡盐化", "CN"), SALT_CHEMICAL, yi("6"), wan("3500"), 130)
                .landed("2022-05-24")
                .domestic("2022-06-28", wan("12000"))
                .inProduction("2023-02-16");
        sign(
                        SONGMU,
                        "2022-03-22",
                        "京东物流亚洲一号衡阳松木智能产业园",
                        top500("京东集团", "CN", GLOBAL),
                        LOGISTICS,
                        yi("10"),
                        wan("3000"),
                        300)
                .landed("2022-07-12")
                .domestic("2022-08-30", wan("30000"))
                .domestic("2023-03-10", wan("20000"))
                .inProduction("2023-08-08");
        // Its 2023 capital increase counts in Songmu's 2023 contract investment (三明口径), though signed in 2022.
        sign(SONGMU, "2022-04-18", "建滔实业年产20万吨铝盐净水剂项目", firm("建滔实业", "CN"), FINE_CHEMICAL, yi("5"), wan("2500"), 100)
                .landed("2022-08-09")
                .domestic("2022-09-26", wan("10000"))
                .amended("2023-09-18", yi("8"), "增资：新增造纸化学品生产线")
                .domestic("2023-10-24", wan("15000"))
                .inProduction("2023-12-20");
        sign(SONGMU, "2022-05-17", "日昇化成功能膜材料项目", firm("日昇化成", "JP"), NEW_MATERIALS, yi("6"), wan("2400"), 110)
                .foreign("2022-08-23", wan("180"))
                .landed("2022-09-20")
                .foreign("2022-11-29", wan("120"))
                .inProduction("2023-07-18");
        sign(SONGMU, "2022-06-10", "瑞达电源铅酸蓄电池智能化改造项目", firm("瑞达电源", "CN"), NEW_ENERGY, yi("4"), wan("1600"), 40)
                .landed("2022-09-05")
                .inProduction("2023-05-16");
        sign(SONGMU, "2022-07-26", "湘南重工化工装备产业园项目", firm("湘南重工", "CN"), ADVANCED_EQUIPMENT, yi("5"), wan("2000"), 150)
                .landed("2022-11-15")
                .domestic("2022-12-27", wan("8000"))
                .inProduction("2023-09-12");
        // Its 2023 arrival counts in Songmu's 2023 foreign capital, though signed in 2022.
        sign(SONGMU, "2022-09-15", "港华化学电子级精细化学品项目", firm("港华化学", "HK"), FINE_CHEMICAL, yi("3"), wan("1500"), 70)
                .foreign("2022-12-20", wan("120"))
                .landed("2023-01-10")
                .foreign("2023-03-15", wan("148"))
                .inProduction("2023-10-25");
        sign(SONGMU, "2022-10-11", "捷瑞化工医药中间体项目", firm("捷瑞化工", "CN"), FINE_CHEMICAL, yi("1.8"), wan("700"), 30)
                .landed("2023-02-14")
                .inProduction("2024-01-09");
        sign(SONGMU, "2022-11-08", "大合新材热电材料一期项目", firm("大合新材", "CN"), NEW_MATERIALS, yi("2"), wan("900"), 35)
                .landed("2023-03-21")
                .inProduction("2023-12-05");
        sign(SONGMU, "2022-12-13", "恒光化工硫酸余热发电项目", firm("湖南恒光化工", "CN"), FINE_CHEMICAL, yi("4.2"), wan("1500"), 45)
                .landed("2023-04-18")
                .inProduction("2024-02-20");
    }

    /**
     * The year of the article: 22 projects, 4 of them with a top-500 investor, 115亿元 contracted (112亿元 signed in
     * 2023 plus the 3亿元 capital increase of a 2022 project) and 1448万美元 of foreign capital received.
     */
    private void songmu2023() {
        sign(SONGMU, "2023-01-16", "金化高容电子铝箔项目", firm("金化高容", "CN"), ELECTRONIC_INFORMATION, yi("4"), wan("1600"), 70)
                .landed("2023-04-11")
                .domestic("2023-05-06", wan("7000"))
                .inProduction("2023-11-16");
        sign(
                        SONGMU,
                        "2023-02-10",
                        "建滔覆铜面板及线路板扩产项目",
                        firm("建滔集团", "HK"),
                        ELECTRONIC_INFORMATION,
                        yi("15"),
                        wan("8000"),
                        300)
                .foreign("2023-04-25", wan("200"))
                .landed("2023-05-18")
                .foreign("2023-10-12", wan("150"))
                .inProduction("2024-03-26")
                .foreign("2024-07-09", wan("250"));
        sign(
                        SONGMU,
                        "2023-03-15",
                        "日本触媒高吸水性树脂项目",
                        top500("日本触媒", "JP", GLOBAL),
                        NEW_MATERIALS,
                        yi("15"),
                        wan("6000"),
                        200)
                .foreign("2023-06-20", wan("300"))
                .landed("2023-07-06")
                .foreign("2023-09-25", wan("250"))
                .foreign("2023-12-15", wan("120"))
                .foreign("2024-04-10", wan("200"))
                .inProduction("2024-09-20");
        sign(
                        SONGMU,
                        "2023-03-28",
                        "恒光化工硫酸节能减排及资源综合利用项目",
                        firm("湖南恒光化工", "CN"),
                        FINE_CHEMICAL,
                        yi("4.5"),
                        wan("1800"),
                        80)
                .landed("2023-06-15")
                .domestic("2023-07-10", wan("9000"))
                .inProduction("2023-12-26");
        sign(SONGMU, "2023-04-06", "福邦新材电子化学品项目", firm("福邦新材", "CN"), NEW_MATERIALS, yi("5"), wan("2200"), 100)
                .landed("2023-07-20")
                .domestic("2023-08-25", wan("6000"))
                .inProduction("2024-04-18");
        sign(
                        SONGMU,
                        "2023-04-20",
                        "远东宏信化工物流及设备融资租赁基地",
                        top500("远东宏信", "CN", CHINA),
                        LOGISTICS,
                        yi("6"),
                        wan("2500"),
                        150)
                .landed("2023-08-16")
                .domestic("2023-09-12", wan("12000"))
                .domestic("2024-03-20", wan("15000"))
                .inProduction("2024-06-28");
        // Capital increase dated 2024: it counts in 2024, not in 2023.
        sign(SONGMU, "2023-05-16", "瑞达电源新能源电池核心产业基地项目", firm("瑞达电源", "CN"), NEW_ENERGY, yi("9"), wan("4500"), 220)
                .landed("2023-09-07")
                .domestic("2023-10-20", wan("15000"))
                .amended("2024-05-20", yi("12"), "增资：扩建二期储能电池生产线")
                .domestic("2024-08-15", wan("20000"));
        sign(SONGMU, "2023-05-30", "仁发新材料锂电池隔膜项目", firm("仁发新材料", "CN"), NEW_MATERIALS, yi("2.2"), wan("900"), 55)
                .landed("2023-08-29")
                .domestic("2023-09-20", wan("3500"))
                .inProduction("2024-01-25");
        // The same remittance was entered twice; the second entry is retracted in February 2024.
        sign(
                        SONGMU,
                        "2023-06-08",
                        "丰田通商新能源汽车零部件项目",
                        top500("丰田通商", "JP", GLOBAL),
                        ADVANCED_EQUIPMENT,
                        yi("5"),
                        wan("3000"),
                        120)
                .foreign("2023-08-30", wan("180"))
                .landed("2023-10-18")
                .foreign("2023-11-28", wan("100"))
                .foreign("2023-11-28", wan("100"))
                .lastArrivalRetracted("2024-02-06", "重复录入：同一笔外资登记了两次")
                .foreign("2024-05-15", wan("150"))
                .inProduction("2024-11-12");
        sign(SONGMU, "2023-06-27", "捷瑞化工四氯苯酐项目", firm("捷瑞化工", "CN"), FINE_CHEMICAL, yi("2.8"), wan("1100"), 50)
                .landed("2023-09-19")
                .domestic("2023-10-09", wan("3000"))
                .inProduction("2024-05-28");
        sign(SONGMU, "2023-07-05", "嘉励器材精密化工装备项目", firm("嘉励器材", "CN"), ADVANCED_EQUIPMENT, wan("21500"), wan("800"), 35)
                .landed("2023-10-26")
                .domestic("2023-11-14", wan("2500"))
                .inProduction("2024-06-06");
        sign(SONGMU, "2023-07-18", "建滔环氧氯丙烷及环氧树脂一体化项目", firm("衡阳建滔化工", "CN"), SALT_CHEMICAL, yi("8"), wan("5000"), 180)
                .landed("2023-11-22")
                .domestic("2024-02-28", wan("10000"));
        sign(SONGMU, "2023-08-08", "小桔生物生物基化学品项目", firm("小桔生物", "CN"), OTHER, yi("1.5"), wan("600"), 30)
                .landed("2023-12-12");
        sign(SONGMU, "2023-08-22", "恒缘新材电工绝缘材料扩能项目", firm("恒缘新材", "CN"), NEW_MATERIALS, yi("3.5"), wan("1500"), 60)
                .landed("2023-12-06")
                .domestic("2024-01-18", wan("5000"))
                .inProduction("2024-07-30");
        sign(
                        SONGMU,
                        "2023-09-12",
                        "华湘新能源储能电池项目",
                        top500("华湘新能源集团", "CN", CHINA_PRIVATE),
                        NEW_ENERGY,
                        yi("8"),
                        wan("4000"),
                        260)
                .domestic("2023-12-20", wan("20000"))
                .landed("2024-01-16")
                .domestic("2024-06-18", wan("30000"));
        sign(SONGMU, "2023-09-26", "志远新能源正极材料项目", firm("志远新能源", "CN"), NEW_ENERGY, yi("3.5"), wan("1400"), 90)
                .landed("2024-02-27")
                .domestic("2024-03-15", wan("6000"));
        sign(SONGMU, "2023-10-17", "大合新材碲化铋晶体材料项目", firm("大合新材", "CN"), NEW_MATERIALS, yi("3"), wan("1200"), 45)
                .landed("2024-03-12")
                .domestic("2024-04-22", wan("4000"));
        sign(SONGMU, "2023-10-30", "盐卤资源综合利用芒硝深加工项目", firm("湘南盐化", "CN"), SALT_CHEMICAL, yi("2.6"), wan("1300"), 75)
                .domestic("2024-01-30", wan("5000"))
                .landed("2024-06-20");
        // Entered as 3.6亿元; the contract says 6.3亿元. Reports known before 2024-01-22 show the mistake.
        sign(SONGMU, "2023-11-09", "湘研化工精细化学品项目", firm("湘研化工", "CN"), FINE_CHEMICAL, yi("3.6"), wan("2600"), 110)
                .domestic("2023-12-28", wan("8000"))
                .signingCorrected("2024-01-22", yi("6.3"), "录入错误：合同投资额6.3亿元误录为3.6亿元")
                .landed("2024-05-09");
        sign(SONGMU, "2023-11-21", "电科锂电池电解液项目", firm("衡阳电科", "CN"), NEW_ENERGY, yi("1.4"), wan("700"), 30);
        sign(SONGMU, "2023-12-05", "凌云新材特种功能材料项目", firm("凌云新材", "CN"), NEW_MATERIALS, wan("23500"), wan("900"), 40)
                .landed("2024-04-02");
        sign(SONGMU, "2023-12-18", "恒达化工智能装备制造项目", firm("恒达智能装备", "CN"), ADVANCED_EQUIPMENT, yi("1.2"), wan("500"), 25)
                .domestic("2024-01-10", wan("1000"))
                .terminated("2024-06-14", "投资方资金链断裂，双方协商解除合同");
    }

    private void songmu2024() {
        sign(
                        SONGMU,
                        "2024-01-23",
                        "建滔高频高速覆铜板项目",
                        firm("建滔集团", "HK"),
                        ELECTRONIC_INFORMATION,
                        yi("15"),
                        wan("7000"),
                        240)
                .foreign("2024-05-21", wan("300"))
                .landed("2024-06-04")
                .foreign("2024-10-15", wan("180"));
        sign(SONGMU, "2024-02-27", "恒缘新材新能源汽车绝缘材料项目", firm("恒缘新材", "CN"), NEW_MATERIALS, yi("3"), wan("1300"), 50)
                .landed("2024-06-25")
                .inProduction("2024-12-10");
        sign(
                        SONGMU,
                        "2024-03-19",
                        "华湘新能源钠离子电池项目",
                        top500("华湘新能源集团", "CN", CHINA_PRIVATE),
                        NEW_ENERGY,
                        yi("20"),
                        wan("9000"),
                        400)
                .landed("2024-08-27")
                .domestic("2024-09-24", wan("20000"));
        sign(SONGMU, "2024-04-16", "福邦新材光刻胶配套试剂项目", firm("福邦新材", "CN"), NEW_MATERIALS, yi("4.5"), wan("2000"), 60)
                .landed("2024-08-13");
        sign(
                        SONGMU,
                        "2024-05-14",
                        "金化高容化成箔二期项目",
                        firm("金化高容", "CN"),
                        ELECTRONIC_INFORMATION,
                        yi("3.8"),
                        wan("1500"),
                        65)
                .landed("2024-09-10");
        sign(SONGMU, "2024-06-11", "湘研化工含氟精细化学品项目", firm("湘研化工", "CN"), FINE_CHEMICAL, yi("5"), wan("2200"), 90)
                .landed("2024-10-22");
        sign(SONGMU, "2024-07-09", "凌云新材高性能树脂项目", firm("凌云新材", "CN"), NEW_MATERIALS, yi("2.6"), wan("1000"), 40);
        sign(SONGMU, "2024-08-20", "松木危化品智慧物流园", firm("湘南物流", "CN"), LOGISTICS, yi("3.2"), wan("900"), 120)
                .landed("2024-12-03");
        sign(SONGMU, "2024-09-03", "日昇化成功能膜材料二期项目", firm("日昇化成", "JP"), NEW_MATERIALS, yi("4"), wan("1600"), 70)
                .foreign("2024-11-19", wan("120"));
        sign(SONGMU, "2024-10-15", "湘南重工氢能装备项目", firm("湘南重工", "CN"), ADVANCED_EQUIPMENT, yi("10"), wan("4000"), 200);
        sign(SONGMU, "2024-11-05", "小桔生物合成生物学中试基地", firm("小桔生物", "CN"), OTHER, yi("1.6"), wan("500"), 20);
        sign(SONGMU, "2024-12-10", "湘衡盐化氯碱副产氢综合利用项目", firm("湘衡盐化", "CN"), SALT_CHEMICAL, yi("5.5"), wan("2500"), 80);
    }

    /**
     * The rest of Hengyang, so that the city report has something to compare with: in 2023 they received 1200万,
     * 980万, 747万 and 550万美元 of foreign capital, which puts Songmu's 1448万 at 29.4% of the city and first.
     */
    private void otherHengyangZones() {
        sign(
                        HENGYANG_HI_TECH,
                        "2022-10-20",
                        "鸿富精密电子智能终端配套项目",
                        firm("鸿富精密", "TW"),
                        ELECTRONIC_INFORMATION,
                        yi("20"),
                        wan("8000"),
                        350)
                .landed("2023-02-08")
                .foreign("2023-04-18", wan("400"))
                .foreign("2023-09-12", wan("300"))
                .inProduction("2023-12-19");
        sign(
                        HENGYANG_HI_TECH,
                        "2023-03-07",
                        "丰邦智能装备项目",
                        firm("丰邦科技", "SG"),
                        ADVANCED_EQUIPMENT,
                        yi("6"),
                        wan("2000"),
                        100)
                .foreign("2023-07-25", wan("500"))
                .landed("2023-08-22");
        sign(HENGYANG_HI_TECH, "2023-05-23", "湘江数科软件外包基地", firm("湘江数科", "CN"), OTHER, yi("3"), wan("1000"), 20)
                .domestic("2023-08-10", wan("5000"))
                .landed("2023-09-14");

        sign(BAISHAZHOU, "2023-02-21", "港湘冷链物流园项目", firm("港湘物流", "HK"), LOGISTICS, yi("5"), wan("1500"), 160)
                .foreign("2023-05-30", wan("380"))
                .landed("2023-06-27")
                .foreign("2023-10-31", wan("250"));
        sign(BAISHAZHOU, "2023-04-12", "科美机械精密零部件项目", firm("科美机械", "DE"), ADVANCED_EQUIPMENT, yi("4"), wan("1600"), 80)
                .foreign("2023-08-17", wan("350"))
                .landed("2023-09-26")
                .inProduction("2024-05-07");

        sign(HENGYANG_FTZ, "2023-01-31", "华腾保税维修及再制造项目", firm("华腾国际", "SG"), OTHER, yi("2"), wan("800"), 40)
                .foreign("2023-03-28", wan("247"))
                .landed("2023-04-20")
                .foreign("2023-08-08", wan("200"))
                .inProduction("2023-10-17");
        sign(HENGYANG_FTZ, "2023-06-14", "跨境电商保税分拨中心", firm("日晖商事", "JP"), LOGISTICS, yi("1.5"), wan("500"), 30)
                .foreign("2023-09-19", wan("300"));

        sign(HENGSHAN, "2022-12-06", "港衡纺织新材料项目", firm("港衡纺织", "HK"), NEW_MATERIALS, yi("3"), wan("1000"), 90)
                .foreign("2023-03-22", wan("300"))
                .landed("2023-04-25")
                .foreign("2023-07-11", wan("250"))
                .inProduction("2024-01-16");
        sign(HENGSHAN, "2023-05-09", "南岳食品农产品精深加工项目", firm("南岳食品", "CN"), OTHER, yi("1.2"), wan("400"), 45)
                .domestic("2023-07-20", wan("3000"))
                .landed("2023-08-30");
    }

    /** Another city: its money must never show in Hengyang's totals (with it, Songmu would not rank first). */
    private void zhuzhou() {
        sign(
                        ZHUZHOU_HI_TECH,
                        "2022-09-20",
                        "航联精工航空动力零部件项目",
                        firm("航联精工", "FR"),
                        ADVANCED_EQUIPMENT,
                        yi("6"),
                        wan("2500"),
                        120)
                .landed("2023-01-17")
                .foreign("2023-05-16", wan("800"))
                .inProduction("2023-11-28");
        sign(
                        ZHUZHOU_HI_TECH,
                        "2023-03-14",
                        "株洲轨道交通装备配套项目",
                        firm("株洲轨道科技", "CN"),
                        ADVANCED_EQUIPMENT,
                        yi("12"),
                        wan("5000"),
                        260)
                .landed("2023-06-20")
                .domestic("2023-07-25", wan("30000"));
        sign(
                        ZHUZHOU_HI_TECH,
                        "2023-04-25",
                        "欧亚硬质合金新材料项目",
                        firm("欧亚硬质合金", "DE"),
                        NEW_MATERIALS,
                        yi("8"),
                        wan("3500"),
                        150)
                .foreign("2023-08-29", wan("1200"))
                .landed("2023-09-05")
                .foreign("2023-12-12", wan("900"));
    }

    // ---- the ledger's vocabulary

    private void zone(String recordedOn, String zoneId, String name, String city) {
        LocalDate day = workday(recordedOn);
        zonesRegisteredOn.put(zoneId, day);
        add(day, new RegisterZone(zoneId, name, city, HUNAN));
    }

    private void target(
            String recordedOn, String zoneId, int year, BigDecimal contractCny, BigDecimal foreignUsd, int projects) {
        add(workday(recordedOn), new SetAnnualTarget(zoneId, year, contractCny, foreignUsd, projects));
    }

    private Project sign(
            String zoneId,
            String signedOn,
            String name,
            Investor investor,
            Industry industry,
            BigDecimal contractCny,
            BigDecimal expectedAnnualTaxCny,
            int landAreaMu) {
        ProjectId id = ProjectId.of(uuid("demo/" + zoneId + "/" + name));
        if (!projects.add(id)) {
            throw new IllegalStateException("Two demo projects named " + name + " in " + zoneId);
        }
        Project project = new Project(id, zonesRegisteredOn.get(zoneId));
        LocalDate date = LocalDate.parse(signedOn);
        project.record(
                date,
                SIGNING_LAG_DAYS,
                new SignProject(
                        id,
                        zoneId,
                        name,
                        investor,
                        industry,
                        date,
                        contractCny,
                        expectedAnnualTaxCny,
                        BigDecimal.valueOf(landAreaMu)));
        return project;
    }

    private static Investor firm(String name, String country) {
        return new Investor(name, country, null);
    }

    private static Investor top500(String name, String country, Top500 list) {
        return new Investor(name, country, list);
    }

    /** 亿元: hundreds of millions of yuan, as officials write contract sums. */
    private static BigDecimal yi(String amount) {
        return new BigDecimal(amount).movePointRight(8);
    }

    /** 万: tens of thousands of yuan, or of US dollars for foreign capital (万美元). */
    private static BigDecimal wan(String amount) {
        return new BigDecimal(amount).movePointRight(4);
    }

    /** The facts of one project, each entered no earlier than the one before it. */
    private final class Project {

        private final ProjectId id;
        private LocalDate lastRecordedOn;
        private int arrivals;
        private ArrivalId lastArrival;

        Project(ProjectId id, LocalDate zoneRegisteredOn) {
            if (zoneRegisteredOn == null) {
                throw new IllegalStateException("Project " + id + " in a zone not registered before it");
            }
            this.id = id;
            this.lastRecordedOn = zoneRegisteredOn;
        }

        Project landed(String landedOn) {
            LocalDate date = LocalDate.parse(landedOn);
            return record(date, MILESTONE_LAG_DAYS, new RecordLanding(id, date, null));
        }

        Project inProduction(String startedOn) {
            LocalDate date = LocalDate.parse(startedOn);
            return record(date, MILESTONE_LAG_DAYS, new RecordProductionStart(id, date, null));
        }

        /** 实际到位外资, in US dollars. */
        Project foreign(String arrivedOn, BigDecimal usd) {
            return arrival(arrivedOn, CapitalKind.FOREIGN, usd);
        }

        /** 实际到位内资, in yuan. */
        Project domestic(String arrivedOn, BigDecimal cny) {
            return arrival(arrivedOn, CapitalKind.DOMESTIC, cny);
        }

        private Project arrival(String arrivedOn, CapitalKind kind, BigDecimal amount) {
            LocalDate date = LocalDate.parse(arrivedOn);
            lastArrival = ArrivalId.of(uuid("demo/" + id + "/arrival/" + ++arrivals));
            return record(date, ARRIVAL_LAG_DAYS, new RecordCapitalArrival(id, lastArrival, date, kind, amount, null));
        }

        /** 增资/减资 to a new contracted total. */
        Project amended(String amendedOn, BigDecimal contractCny, String reason) {
            LocalDate date = LocalDate.parse(amendedOn);
            return record(date, SIGNING_LAG_DAYS, new AmendContract(id, date, contractCny, reason, null));
        }

        Project terminated(String terminatedOn, String reason) {
            LocalDate date = LocalDate.parse(terminatedOn);
            return record(date, SIGNING_LAG_DAYS, new TerminateProject(id, date, reason, null));
        }

        /** The contract investment was entered wrongly at signing; found and corrected on {@code recordedOn}. */
        Project signingCorrected(String recordedOn, BigDecimal contractCny, String reason) {
            return recordOn(workday(recordedOn), new CorrectSigning(id, null, contractCny, null, null, reason, null));
        }

        Project lastArrivalRetracted(String recordedOn, String reason) {
            return recordOn(workday(recordedOn), new RetractArrival(id, lastArrival, reason, null));
        }

        private Project record(LocalDate businessDate, int lagDays, Object command) {
            LocalDate entered = nextWorkday(businessDate.plusDays(lagDays));
            return recordOn(entered.isBefore(lastRecordedOn) ? lastRecordedOn : entered, command);
        }

        private Project recordOn(LocalDate day, Object command) {
            if (day.isBefore(lastRecordedOn)) {
                throw new IllegalStateException("Project " + id + " entry on " + day + " before its previous entry");
            }
            lastRecordedOn = day;
            add(day, command);
            return this;
        }
    }

    // ---- recording days and instants

    private record Entry(LocalDate recordedOn, int order, Object command) {}

    private void add(LocalDate recordedOn, Object command) {
        entries.add(new Entry(recordedOn, entries.size(), command));
    }

    private List<Step> inRecordingOrder() {
        Map<LocalDate, List<Entry>> byDay = new TreeMap<>();
        entries.stream()
                .sorted(Comparator.comparing(Entry::recordedOn).thenComparingInt(Entry::order))
                .forEach(entry -> byDay.computeIfAbsent(entry.recordedOn(), day -> new ArrayList<>())
                        .add(entry));
        List<Step> steps = new ArrayList<>();
        byDay.forEach((day, ofTheDay) -> {
            // The day's first entry comes some time in the first two office hours, not always at the same minute.
            int firstEntry = day.getDayOfYear() * 37 % 120;
            int minutesApart = Math.min(MINUTES_BETWEEN_ENTRIES, (OFFICE_MINUTES - firstEntry) / ofTheDay.size());
            if (minutesApart == 0) {
                throw new IllegalStateException("Too many demo entries on " + day);
            }
            for (int i = 0; i < ofTheDay.size(); i++) {
                Instant at = day.atTime(OFFICE_OPENS.plusMinutes(firstEntry + (long) i * minutesApart))
                        .atZone(BusinessDate.CHINA)
                        .toInstant();
                steps.add(new Step(at, ofTheDay.get(i).command()));
            }
        });
        return List.copyOf(steps);
    }

    private static LocalDate workday(String isoDate) {
        LocalDate day = LocalDate.parse(isoDate);
        if (!isWorkday(day)) {
            throw new IllegalStateException(isoDate + " is not a working day: the bureau records nothing then");
        }
        return day;
    }

    private static LocalDate nextWorkday(LocalDate day) {
        LocalDate workday = day;
        while (!isWorkday(workday)) {
            workday = workday.plusDays(1);
        }
        return workday;
    }

    /** Weekends and the fixed-date holidays (元旦, 劳动节, 国庆); the lunar ones are left out for simplicity. */
    private static boolean isWorkday(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean holiday = day.getDayOfYear() == 1
                || (day.getMonthValue() == 5 && day.getDayOfMonth() <= 3)
                || (day.getMonthValue() == 10 && day.getDayOfMonth() <= 7);
        return !weekend && !holiday;
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString();
    }
}
