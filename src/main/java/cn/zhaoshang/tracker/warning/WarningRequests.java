package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.warning.api.WarningIds;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/zones/{id}/warning-rules} and its one mapping to the command, for the API and the page. */
final class WarningRequests {

    static final String DAYS = "{form.days}";

    private WarningRequests() {}

    record Rules(
            @NotNull(message = "{form.required}") @Min(value = 1, message = DAYS) @Max(value = 3650, message = DAYS)
                    Integer notLandedYellowDays,
            @NotNull(message = "{form.required}") @Min(value = 1, message = DAYS) @Max(value = 3650, message = DAYS)
                    Integer notLandedRedDays,
            @NotNull(message = "{form.required}") @Min(value = 1, message = DAYS) @Max(value = 3650, message = DAYS)
                    Integer notInProductionYellowDays,
            @NotNull(message = "{form.required}") @Min(value = 1, message = DAYS) @Max(value = 3650, message = DAYS)
                    Integer notInProductionRedDays) {

        SetWarningRules command(String zoneId) {
            return new SetWarningRules(
                    WarningIds.ofZoneRules(zoneId),
                    zoneId,
                    new WarningRules(
                            notLandedYellowDays, notLandedRedDays, notInProductionYellowDays, notInProductionRedDays));
        }
    }
}
