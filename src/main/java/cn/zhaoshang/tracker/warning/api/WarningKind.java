package cn.zhaoshang.tracker.warning.api;

/** What the project is late for: landing after its signing, or production after its landing. */
public enum WarningKind {
    NOT_LANDED("签约后未落地", "signed but not landed"),
    NOT_IN_PRODUCTION("落地后未投产", "landed but not in production");

    private final String chinese;
    private final String english;

    WarningKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
