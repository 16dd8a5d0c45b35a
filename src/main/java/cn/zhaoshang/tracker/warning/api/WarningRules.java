package cn.zhaoshang.tracker.warning.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A zone's time rules, in days after the signing (not landed) or after the landing (not in production) at which a
 * project turns yellow, then red.
 */
public record WarningRules(
        int notLandedYellowDays, int notLandedRedDays, int notInProductionYellowDays, int notInProductionRedDays) {

    public static final WarningRules DEFAULTS = new WarningRules(180, 365, 540, 720);

    public int yellowDays(WarningKind kind) {
        return kind == WarningKind.NOT_LANDED ? notLandedYellowDays : notInProductionYellowDays;
    }

    public int redDays(WarningKind kind) {
        return kind == WarningKind.NOT_LANDED ? notLandedRedDays : notInProductionRedDays;
    }

    /** The colour a project waiting since {@code since} has on {@code today}, empty while it is on time. */
    public Optional<WarningColour> colour(WarningKind kind, LocalDate since, LocalDate today) {
        if (!today.isBefore(since.plusDays(redDays(kind)))) {
            return Optional.of(WarningColour.RED);
        }
        if (!today.isBefore(since.plusDays(yellowDays(kind)))) {
            return Optional.of(WarningColour.YELLOW);
        }
        return Optional.empty();
    }
}
