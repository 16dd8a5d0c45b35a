package cn.zhaoshang.tracker.warning.api;

/** 黄色预警 / 红色预警. */
public enum WarningColour {
    YELLOW("黄色"),
    RED("红色");

    private final String chinese;

    WarningColour(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
