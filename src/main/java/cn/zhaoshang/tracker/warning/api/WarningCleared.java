package cn.zhaoshang.tracker.warning.api;

import cn.zhaoshang.tracker.project.api.ProjectId;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 预警解除: the project recovered (it landed, started production, was terminated, or the rules were relaxed). */
@Revision("1")
public record WarningCleared(
        ProjectId projectId,
        String zoneId,
        WarningColour colour,
        WarningKind kind,
        Recovery recovery,
        LocalDate clearedOn) {

    public enum Recovery {
        LANDED("已落地", "landed"),
        IN_PRODUCTION("已投产", "production started"),
        TERMINATED("已终止", "terminated"),
        RULES_CHANGED("预警规则调整", "warning rules changed"),
        SIGNING_CORRECTED("签约信息更正", "signing corrected");

        private final String chinese;
        private final String english;

        Recovery(String chinese, String english) {
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
}
