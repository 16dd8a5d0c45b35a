package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.shared.BusinessDate;
import cn.zhaoshang.tracker.shared.Money;
import cn.zhaoshang.tracker.shared.Text;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The pages' forms. Amounts are entered the way officials write them — contracts in 亿元, taxes and arrivals in 万元
 * or 万美元 — and converted exactly to yuan and dollars; messages come from the page bundle in the reader's
 * language. Classes with setters, because the form binding reads and writes bean properties.
 */
final class ProjectForms {

    private ProjectForms() {}

    /** A select's choice: blank or "NONE" is no top-500 class. */
    static Optional<Top500> top500(String choice) {
        return choice == null || choice.isBlank() || "NONE".equals(choice)
                ? Optional.empty()
                : Optional.of(Top500.valueOf(choice));
    }

    /** The version the reader saw: a command on a project changed meanwhile is refused instead of applied blindly. */
    abstract static class Versioned {

        private Long version;

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    static final class Sign {

        @NotBlank(message = "{form.required}")
        private String zoneId;

        @NotNull(message = "{form.required}")
        @Pattern(regexp = Text.NAME, message = "{form.required}")
        @Size(max = 200, message = "{form.text}")
        private String name;

        @NotNull(message = "{form.required}")
        @Pattern(regexp = Text.NAME, message = "{form.required}")
        @Size(max = 200, message = "{form.text}")
        private String investorName;

        @Pattern(regexp = "([A-Z]{2})?", message = "{form.country}")
        private String investorCountry;

        @Pattern(regexp = "(GLOBAL|CHINA|CHINA_PRIVATE)?", message = "{form.choice}")
        private String top500;

        @NotNull(message = "{form.required}")
        private Industry industry;

        @NotNull(message = "{form.required}")
        @BusinessDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate signedOn;

        @NotNull(message = "{form.required}")
        @Positive(message = "{form.positive}")
        @Digits(integer = 7, fraction = 8, message = "{form.yi}")
        private BigDecimal contractInvestmentYi;

        @PositiveOrZero(message = "{form.notNegative}")
        @Digits(integer = 11, fraction = 6, message = "{form.wan}")
        private BigDecimal expectedAnnualTaxWan;

        @Positive(message = "{form.positive}")
        @Digits(integer = 9, fraction = 2, message = "{form.mu}")
        private BigDecimal landAreaMu;

        /** The projects signed under the same zone, name and date that the reader ticked as not this one. */
        @Size(max = 20, message = "{form.distinctFrom}")
        private List<@Size(max = 64, message = "{form.distinctFrom}") String> distinctFrom = new ArrayList<>();

        public String getZoneId() {
            return zoneId;
        }

        public void setZoneId(String zoneId) {
            this.zoneId = zoneId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getInvestorName() {
            return investorName;
        }

        public void setInvestorName(String investorName) {
            this.investorName = investorName;
        }

        public String getInvestorCountry() {
            return investorCountry;
        }

        public void setInvestorCountry(String investorCountry) {
            this.investorCountry = investorCountry;
        }

        public String getTop500() {
            return top500;
        }

        public void setTop500(String top500) {
            this.top500 = top500;
        }

        public Industry getIndustry() {
            return industry;
        }

        public void setIndustry(Industry industry) {
            this.industry = industry;
        }

        public LocalDate getSignedOn() {
            return signedOn;
        }

        public void setSignedOn(LocalDate signedOn) {
            this.signedOn = signedOn;
        }

        public BigDecimal getContractInvestmentYi() {
            return contractInvestmentYi;
        }

        public void setContractInvestmentYi(BigDecimal contractInvestmentYi) {
            this.contractInvestmentYi = contractInvestmentYi;
        }

        public BigDecimal getExpectedAnnualTaxWan() {
            return expectedAnnualTaxWan;
        }

        public void setExpectedAnnualTaxWan(BigDecimal expectedAnnualTaxWan) {
            this.expectedAnnualTaxWan = expectedAnnualTaxWan;
        }

        public BigDecimal getLandAreaMu() {
            return landAreaMu;
        }

        public void setLandAreaMu(BigDecimal landAreaMu) {
            this.landAreaMu = landAreaMu;
        }

        public List<String> getDistinctFrom() {
            return distinctFrom;
        }

        public void setDistinctFrom(List<String> distinctFrom) {
            this.distinctFrom = distinctFrom == null ? new ArrayList<>() : distinctFrom;
        }

        /** In the contract's units (yuan), for the one mapping to the command. */
        ProjectRequests.Sign request() {
            return new ProjectRequests.Sign(
                    zoneId,
                    name,
                    new ProjectRequests.InvestorRequest(
                            investorName,
                            Text.stripped(investorCountry),
                            top500(top500).orElse(null)),
                    industry,
                    signedOn,
                    Money.fromYi(contractInvestmentYi),
                    Money.fromWan(expectedAnnualTaxWan),
                    landAreaMu,
                    distinctFrom.stream().filter(id -> !id.isBlank()).toList());
        }
    }

    static final class Dated extends Versioned {

        @NotNull(message = "{form.required}")
        @BusinessDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }
    }

    static final class Arrival extends Versioned {

        @NotNull(message = "{form.required}")
        @BusinessDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate arrivedOn;

        @NotNull(message = "{form.required}")
        private CapitalKind kind;

        @NotNull(message = "{form.required}")
        @Positive(message = "{form.positive}")
        @Digits(integer = 11, fraction = 6, message = "{form.wan}")
        private BigDecimal amountWan;

        public LocalDate getArrivedOn() {
            return arrivedOn;
        }

        public void setArrivedOn(LocalDate arrivedOn) {
            this.arrivedOn = arrivedOn;
        }

        public CapitalKind getKind() {
            return kind;
        }

        public void setKind(CapitalKind kind) {
            this.kind = kind;
        }

        public BigDecimal getAmountWan() {
            return amountWan;
        }

        public void setAmountWan(BigDecimal amountWan) {
            this.amountWan = amountWan;
        }

        ProjectRequests.Arrival request() {
            return new ProjectRequests.Arrival(arrivedOn, kind, Money.fromWan(amountWan));
        }
    }

    /** A change that must say why: a retraction, an amendment, a correction, a termination. */
    static class Reasoned extends Versioned {

        @NotNull(message = "{form.required}")
        @Pattern(regexp = Text.VISIBLE, message = "{form.required}")
        @Size(max = 1000, message = "{form.reason}")
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    static final class Retraction extends Reasoned {

        @NotBlank(message = "{form.required}")
        private String arrivalId;

        public String getArrivalId() {
            return arrivalId;
        }

        public void setArrivalId(String arrivalId) {
            this.arrivalId = arrivalId;
        }

        ProjectRequests.Retraction request() {
            return new ProjectRequests.Retraction(getReason());
        }
    }

    static final class Amendment extends Reasoned {

        @NotNull(message = "{form.required}")
        @BusinessDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate amendedOn;

        @NotNull(message = "{form.required}")
        @Positive(message = "{form.positive}")
        @Digits(integer = 7, fraction = 8, message = "{form.yi}")
        private BigDecimal contractInvestmentYi;

        public LocalDate getAmendedOn() {
            return amendedOn;
        }

        public void setAmendedOn(LocalDate amendedOn) {
            this.amendedOn = amendedOn;
        }

        public BigDecimal getContractInvestmentYi() {
            return contractInvestmentYi;
        }

        public void setContractInvestmentYi(BigDecimal contractInvestmentYi) {
            this.contractInvestmentYi = contractInvestmentYi;
        }

        ProjectRequests.Amendment request() {
            return new ProjectRequests.Amendment(amendedOn, Money.fromYi(contractInvestmentYi), getReason());
        }
    }

    /** Empty fields are left as they were; top500 "UNCHANGED" too, "NONE" corrects it to no list. */
    static final class Correction extends Reasoned {

        @BusinessDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate signedOn;

        @Positive(message = "{form.positive}")
        @Digits(integer = 7, fraction = 8, message = "{form.yi}")
        private BigDecimal contractInvestmentYi;

        @NotNull(message = "{form.required}")
        @Pattern(regexp = "UNCHANGED|NONE|GLOBAL|CHINA|CHINA_PRIVATE", message = "{form.choice}")
        private String top500 = "UNCHANGED";

        private Industry industry;

        public LocalDate getSignedOn() {
            return signedOn;
        }

        public void setSignedOn(LocalDate signedOn) {
            this.signedOn = signedOn;
        }

        public BigDecimal getContractInvestmentYi() {
            return contractInvestmentYi;
        }

        public void setContractInvestmentYi(BigDecimal contractInvestmentYi) {
            this.contractInvestmentYi = contractInvestmentYi;
        }

        public String getTop500() {
            return top500;
        }

        public void setTop500(String top500) {
            this.top500 = top500;
        }

        public Industry getIndustry() {
            return industry;
        }

        public void setIndustry(Industry industry) {
            this.industry = industry;
        }

        ProjectRequests.Correction request() {
            ProjectRequests.Correction request = new ProjectRequests.Correction();
            request.setSignedOn(signedOn);
            request.setContractInvestmentCny(Money.fromYi(contractInvestmentYi));
            if (!"UNCHANGED".equals(top500)) {
                request.setTop500(top500(top500).orElse(null));
            }
            request.setIndustry(industry);
            request.setReason(getReason());
            return request;
        }
    }

    /** A termination cannot be undone, so the form asks for a tick that says the reader means it. */
    static final class Termination extends Reasoned {

        @NotNull(message = "{form.required}")
        @BusinessDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate terminatedOn;

        @AssertTrue(message = "{form.confirmTermination}")
        private boolean confirmed;

        public boolean isConfirmed() {
            return confirmed;
        }

        public void setConfirmed(boolean confirmed) {
            this.confirmed = confirmed;
        }

        public LocalDate getTerminatedOn() {
            return terminatedOn;
        }

        public void setTerminatedOn(LocalDate terminatedOn) {
            this.terminatedOn = terminatedOn;
        }

        ProjectRequests.Termination request() {
            return new ProjectRequests.Termination(terminatedOn, getReason());
        }
    }
}
