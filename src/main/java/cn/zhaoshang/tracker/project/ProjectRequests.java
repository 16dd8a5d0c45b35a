package cn.zhaoshang.tracker.project;

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
import cn.zhaoshang.tracker.shared.Money;
import cn.zhaoshang.tracker.shared.Text;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bodies of the project commands as the contract fixes them, with their validation (400 when broken), and the
 * one mapping of each to its command: the API sends them as they come, the pages after converting their units.
 */
final class ProjectRequests {

    static final String REQUIRED = "{form.required}";
    static final String POSITIVE = "{form.positive}";
    static final String NOT_NEGATIVE = "{form.notNegative}";
    static final String MONEY = "{form.money}";
    static final String TEXT = "{form.text}";
    static final String REASON = "{form.reason}";
    static final String DISTINCT_FROM = "{form.distinctFrom}";

    private ProjectRequests() {}

    record Sign(
            @NotNull(message = REQUIRED) @Pattern(regexp = "[a-z0-9-]{1,40}", message = "{form.slug}") String zoneId,
            @NotBlank(message = REQUIRED)
                    @Pattern(regexp = Text.NAME, message = REQUIRED)
                    @Size(max = 200, message = TEXT)
                    String name,
            @NotNull(message = REQUIRED) @Valid InvestorRequest investor,
            @NotNull(message = REQUIRED) Industry industry,
            @NotNull(message = REQUIRED) @BusinessDate LocalDate signedOn,
            @NotNull(message = REQUIRED)
                    @Positive(message = POSITIVE)
                    @Digits(integer = 15, fraction = 2, message = MONEY)
                    BigDecimal contractInvestmentCny,
            @PositiveOrZero(message = NOT_NEGATIVE) @Digits(integer = 15, fraction = 2, message = MONEY)
                    BigDecimal expectedAnnualTaxCny,
            @Positive(message = POSITIVE) @Digits(integer = 9, fraction = 2, message = "{form.mu}")
                    BigDecimal landAreaMu,
            // left out of the Idempotency-Key's fingerprint when absent, as it was before the field existed
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 20, message = DISTINCT_FROM)
                    List<@NotBlank(message = REQUIRED) @Size(max = 64, message = DISTINCT_FROM) String> distinctFrom) {

        /**
         * {@code distinctFrom}: the projects of the zone signed under this name on this date that this one is not
         * (the ids a 409 {@code duplicate-signing} named); without it such a signing is refused.
         */
        SignProject command(ProjectId id) {
            return new SignProject(
                    id,
                    zoneId,
                    name.strip(),
                    new Investor(investor.name().strip(), investor.country(), investor.top500()),
                    industry,
                    signedOn,
                    Money.normalized(contractInvestmentCny),
                    Money.normalized(expectedAnnualTaxCny),
                    Money.normalized(landAreaMu),
                    distinctFrom == null
                            ? Set.of()
                            : distinctFrom.stream().map(ProjectId::of).collect(Collectors.toSet()));
        }
    }

    record InvestorRequest(
            @NotBlank(message = REQUIRED)
                    @Pattern(regexp = Text.NAME, message = REQUIRED)
                    @Size(max = 200, message = TEXT)
                    String name,
            @Pattern(regexp = "[A-Z]{2}", message = "{form.country}") String country,
            Top500 top500) {}

    record Landing(@NotNull(message = REQUIRED) @BusinessDate LocalDate landedOn) {

        RecordLanding command(ProjectId id, Long expectedVersion) {
            return new RecordLanding(id, landedOn, expectedVersion);
        }
    }

    record Production(@NotNull(message = REQUIRED) @BusinessDate LocalDate startedOn) {

        RecordProductionStart command(ProjectId id, Long expectedVersion) {
            return new RecordProductionStart(id, startedOn, expectedVersion);
        }
    }

    record Arrival(
            @NotNull(message = REQUIRED) @BusinessDate LocalDate arrivedOn,
            @NotNull(message = REQUIRED) CapitalKind kind,
            @NotNull(message = REQUIRED)
                    @Positive(message = POSITIVE)
                    @Digits(integer = 15, fraction = 2, message = MONEY)
                    BigDecimal amount) {

        RecordCapitalArrival command(ProjectId id, ArrivalId arrivalId, Long expectedVersion) {
            return new RecordCapitalArrival(id, arrivalId, arrivedOn, kind, Money.normalized(amount), expectedVersion);
        }
    }

    record Retraction(
            @NotBlank(message = REQUIRED)
                    @Pattern(regexp = Text.VISIBLE, message = REQUIRED)
                    @Size(max = 1000, message = REASON)
                    String reason) {

        RetractArrival command(ProjectId id, ArrivalId arrivalId, Long expectedVersion) {
            return new RetractArrival(id, arrivalId, reason.strip(), expectedVersion);
        }
    }

    record Amendment(
            @NotNull(message = REQUIRED) @BusinessDate LocalDate amendedOn,
            @NotNull(message = REQUIRED)
                    @Positive(message = POSITIVE)
                    @Digits(integer = 15, fraction = 2, message = MONEY)
                    BigDecimal contractInvestmentCny,
            @NotBlank(message = REQUIRED)
                    @Pattern(regexp = Text.VISIBLE, message = REQUIRED)
                    @Size(max = 1000, message = REASON)
                    String reason) {

        AmendContract command(ProjectId id, Long expectedVersion) {
            return new AmendContract(
                    id, amendedOn, Money.normalized(contractInvestmentCny), reason.strip(), expectedVersion);
        }
    }

    /**
     * A class, not a record: {@code top500} absent leaves it as it was, {@code "top500": null} corrects it to "not a
     * top-500 investor", and only a setter can tell the two apart.
     */
    static final class Correction {

        @BusinessDate
        private LocalDate signedOn;

        @Positive(message = POSITIVE)
        @Digits(integer = 15, fraction = 2, message = MONEY)
        private BigDecimal contractInvestmentCny;

        private Optional<Top500> top500;
        private Industry industry;

        @NotBlank(message = REQUIRED)
        @Pattern(regexp = Text.VISIBLE, message = REQUIRED)
        @Size(max = 1000, message = REASON)
        private String reason;

        public LocalDate getSignedOn() {
            return signedOn;
        }

        public void setSignedOn(LocalDate signedOn) {
            this.signedOn = signedOn;
        }

        public BigDecimal getContractInvestmentCny() {
            return contractInvestmentCny;
        }

        public void setContractInvestmentCny(BigDecimal contractInvestmentCny) {
            this.contractInvestmentCny = contractInvestmentCny;
        }

        /** Null when the request did not mention top500. */
        public Optional<Top500> getTop500() {
            return top500;
        }

        public void setTop500(Top500 top500) {
            this.top500 = Optional.ofNullable(top500);
        }

        /** Part of the request's Idempotency-Key fingerprint: "top500": null and no top500 are different requests. */
        public boolean isTop500Corrected() {
            return top500 != null;
        }

        public Industry getIndustry() {
            return industry;
        }

        public void setIndustry(Industry industry) {
            this.industry = industry;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        CorrectSigning command(ProjectId id, Long expectedVersion) {
            return new CorrectSigning(
                    id,
                    signedOn,
                    Money.normalized(contractInvestmentCny),
                    top500,
                    industry,
                    reason.strip(),
                    expectedVersion);
        }

        @AssertTrue(message = "{form.correction}")
        boolean isAnythingCorrected() {
            return signedOn != null || contractInvestmentCny != null || top500 != null || industry != null;
        }
    }

    record Termination(
            @NotNull(message = REQUIRED) @BusinessDate LocalDate terminatedOn,
            @NotBlank(message = REQUIRED)
                    @Pattern(regexp = Text.VISIBLE, message = REQUIRED)
                    @Size(max = 1000, message = REASON)
                    String reason) {

        TerminateProject command(ProjectId id, Long expectedVersion) {
            return new TerminateProject(id, terminatedOn, reason.strip(), expectedVersion);
        }
    }
}
