package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.shared.Money;
import cn.zhaoshang.tracker.shared.Text;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The zones page's forms. Targets are entered the way the annual tasks are written — contracts in 亿元, foreign
 * capital in 万美元, projects as a count — and converted exactly into the contract's yuan and dollars; messages
 * come from the page bundle in the reader's language. Classes with setters, because form binding needs them.
 */
final class ZoneForms {

    private ZoneForms() {}

    static final class Registration {

        @NotNull(message = "{form.required}")
        @Pattern(regexp = ZoneRequests.SLUG, message = "{form.slug}")
        private String id;

        @NotBlank(message = "{form.required}")
        @Pattern(regexp = Text.NAME, message = "{form.required}")
        @Size(max = 200, message = "{form.text}")
        private String name;

        @NotNull(message = "{form.required}")
        @Pattern(regexp = ZoneRequests.SLUG, message = "{form.slug}")
        private String city;

        @Pattern(regexp = ZoneRequests.SLUG, message = "{form.slug}")
        private String province;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getProvince() {
            return province;
        }

        /** Optional: a field left empty is no province, and the registration takes the default one. */
        public void setProvince(String province) {
            this.province = province == null || province.isBlank() ? null : province;
        }

        ZoneRequests.Registration request() {
            return new ZoneRequests.Registration(id, name, city, province);
        }
    }

    /** A year's targets; a figure left empty is no target for it. */
    static final class Targets {

        @NotBlank(message = "{form.required}")
        private String zoneId;

        @NotNull(message = "{form.required}")
        @Min(value = 1990, message = "{form.year}")
        @Max(value = 2100, message = "{form.year}")
        private Integer year;

        @Positive(message = "{form.positive}")
        @Digits(integer = 7, fraction = 8, message = "{form.yi}")
        private BigDecimal contractInvestmentYi;

        @Positive(message = "{form.positive}")
        @Digits(integer = 11, fraction = 6, message = "{form.wan}")
        private BigDecimal foreignCapitalWanUsd;

        @Positive(message = "{form.positive}")
        @Max(value = 1_000_000, message = "{form.tooLarge}")
        private Integer projectCount;

        /** The form filled with the targets already set, to revise them. */
        static Targets of(ZoneDirectory.TargetView set) {
            Targets form = new Targets();
            form.setZoneId(set.zoneId());
            form.setYear(set.year());
            form.setContractInvestmentYi(Money.inYi(set.contractInvestmentCny()));
            form.setForeignCapitalWanUsd(Money.inWan(set.foreignCapitalUsd()));
            form.setProjectCount(set.projectCount());
            return form;
        }

        public String getZoneId() {
            return zoneId;
        }

        public void setZoneId(String zoneId) {
            this.zoneId = zoneId;
        }

        public Integer getYear() {
            return year;
        }

        public void setYear(Integer year) {
            this.year = year;
        }

        public BigDecimal getContractInvestmentYi() {
            return contractInvestmentYi;
        }

        public void setContractInvestmentYi(BigDecimal contractInvestmentYi) {
            this.contractInvestmentYi = contractInvestmentYi;
        }

        public BigDecimal getForeignCapitalWanUsd() {
            return foreignCapitalWanUsd;
        }

        public void setForeignCapitalWanUsd(BigDecimal foreignCapitalWanUsd) {
            this.foreignCapitalWanUsd = foreignCapitalWanUsd;
        }

        public Integer getProjectCount() {
            return projectCount;
        }

        public void setProjectCount(Integer projectCount) {
            this.projectCount = projectCount;
        }

        /** In the contract's units (yuan, dollars), for the one mapping to the command. */
        ZoneRequests.Targets request() {
            return new ZoneRequests.Targets(
                    Money.fromYi(contractInvestmentYi), Money.fromWan(foreignCapitalWanUsd), projectCount);
        }
    }
}
