package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.shared.Money;
import cn.zhaoshang.tracker.shared.Text;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.SetAnnualTarget;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The bodies of the zone commands as the contract fixes them, with their validation, and the one mapping of each to
 * its command: the API sends them as they come, the zones page after converting 亿元 and 万美元.
 */
final class ZoneRequests {

    static final String SLUG = "[a-z0-9-]{1,40}";

    private ZoneRequests() {}

    record Registration(
            @NotNull(message = "{form.required}") @Pattern(regexp = SLUG, message = "{form.slug}") String id,
            @NotBlank(message = "{form.required}")
                    @Pattern(regexp = Text.NAME, message = "{form.required}")
                    @Size(max = 200, message = "{form.text}")
                    String name,
            @NotNull(message = "{form.required}") @Pattern(regexp = SLUG, message = "{form.slug}") String city,
            @Pattern(regexp = SLUG, message = "{form.slug}") String province) {

        /** A registration that names no province is one of {@code defaultProvince} (tracker.default-province). */
        RegisterZone command(String defaultProvince) {
            return new RegisterZone(id, name.strip(), city, province == null ? defaultProvince : province);
        }
    }

    /** Every figure optional: a missing one is no target for it. */
    record Targets(
            @Positive(message = "{form.positive}") @Digits(integer = 15, fraction = 2, message = "{form.money}")
                    BigDecimal contractInvestmentCny,
            @Positive(message = "{form.positive}") @Digits(integer = 15, fraction = 2, message = "{form.money}")
                    BigDecimal foreignCapitalUsd,
            @Positive(message = "{form.positive}") @Max(value = 1_000_000, message = "{form.tooLarge}")
                    Integer projectCount) {

        SetAnnualTarget command(String zoneId, int year) {
            return new SetAnnualTarget(
                    zoneId,
                    year,
                    Money.normalized(contractInvestmentCny),
                    Money.normalized(foreignCapitalUsd),
                    projectCount);
        }
    }
}
