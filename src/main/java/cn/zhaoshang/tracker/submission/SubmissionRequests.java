package cn.zhaoshang.tracker.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the submission requests as governance.md §3 fixes them. */
final class SubmissionRequests {

    private SubmissionRequests() {}

    record Restatement(
            @NotBlank(message = "{form.required}") @Size(max = 1000, message = "{form.reason}") String reason) {}

    record Submit(
            @NotNull(message = "{form.required}")
                    @Min(value = 1990, message = "{form.year}")
                    @Max(value = 2100, message = "{form.year}")
                    Integer year,
            @NotNull(message = "{form.required}")
                    @Min(value = 1, message = "{form.month}")
                    @Max(value = 12, message = "{form.month}")
                    Integer month,
            @Size(max = 1000, message = "{form.reason}") String note,
            @Valid Restatement restatement) {}

    record Acceptance(@Size(max = 1000, message = "{form.reason}") String opinion) {}

    record Return(@NotBlank(message = "{form.required}") @Size(max = 1000, message = "{form.reason}") String opinion) {}
}
