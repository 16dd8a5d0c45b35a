package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.warning.api.WarningRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The warning rules form: days, as the API takes them; a class with setters, because form binding needs them. */
final class WarningForms {

    private WarningForms() {}

    static final class Rules {

        @NotNull(message = "{form.required}")
        @Min(value = 1, message = WarningRequests.DAYS)
        @Max(value = 3650, message = WarningRequests.DAYS)
        private Integer notLandedYellowDays;

        @NotNull(message = "{form.required}")
        @Min(value = 1, message = WarningRequests.DAYS)
        @Max(value = 3650, message = WarningRequests.DAYS)
        private Integer notLandedRedDays;

        @NotNull(message = "{form.required}")
        @Min(value = 1, message = WarningRequests.DAYS)
        @Max(value = 3650, message = WarningRequests.DAYS)
        private Integer notInProductionYellowDays;

        @NotNull(message = "{form.required}")
        @Min(value = 1, message = WarningRequests.DAYS)
        @Max(value = 3650, message = WarningRequests.DAYS)
        private Integer notInProductionRedDays;

        /** The form filled with the rules in force, to revise them. */
        static Rules of(WarningRules rules) {
            Rules form = new Rules();
            form.setNotLandedYellowDays(rules.notLandedYellowDays());
            form.setNotLandedRedDays(rules.notLandedRedDays());
            form.setNotInProductionYellowDays(rules.notInProductionYellowDays());
            form.setNotInProductionRedDays(rules.notInProductionRedDays());
            return form;
        }

        public Integer getNotLandedYellowDays() {
            return notLandedYellowDays;
        }

        public void setNotLandedYellowDays(Integer notLandedYellowDays) {
            this.notLandedYellowDays = notLandedYellowDays;
        }

        public Integer getNotLandedRedDays() {
            return notLandedRedDays;
        }

        public void setNotLandedRedDays(Integer notLandedRedDays) {
            this.notLandedRedDays = notLandedRedDays;
        }

        public Integer getNotInProductionYellowDays() {
            return notInProductionYellowDays;
        }

        public void setNotInProductionYellowDays(Integer notInProductionYellowDays) {
            this.notInProductionYellowDays = notInProductionYellowDays;
        }

        public Integer getNotInProductionRedDays() {
            return notInProductionRedDays;
        }

        public void setNotInProductionRedDays(Integer notInProductionRedDays) {
            this.notInProductionRedDays = notInProductionRedDays;
        }

        WarningRequests.Rules request() {
            return new WarningRequests.Rules(
                    notLandedYellowDays, notLandedRedDays, notInProductionYellowDays, notInProductionRedDays);
        }
    }
}
