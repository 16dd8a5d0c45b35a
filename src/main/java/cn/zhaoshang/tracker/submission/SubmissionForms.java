package cn.zhaoshang.tracker.submission;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The submission pages' forms, mapped to the API's requests ({@link SubmissionRequests}) so that both send the same
 * commands. Classes with setters, because form binding needs them; messages come from the page bundle.
 */
final class SubmissionForms {

    private SubmissionForms() {}

    /** A month to preview and submit; {@code reason} restates an accepted month (重新报送). */
    static final class Month {

        @NotNull(message = "{form.required}")
        @Min(value = 1990, message = "{form.year}")
        @Max(value = 2100, message = "{form.year}")
        private Integer year;

        @NotNull(message = "{form.required}")
        @Min(value = 1, message = "{form.month}")
        @Max(value = 12, message = "{form.month}")
        private Integer month;

        @Size(max = 1000, message = "{form.reason}")
        private String note;

        @Size(max = 1000, message = "{form.reason}")
        private String reason;

        static Month of(int year, int month) {
            Month form = new Month();
            form.setYear(year);
            form.setMonth(month);
            return form;
        }

        public Integer getYear() {
            return year;
        }

        public void setYear(Integer year) {
            this.year = year;
        }

        public Integer getMonth() {
            return month;
        }

        public void setMonth(Integer month) {
            this.month = month;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        boolean hasReason() {
            return reason != null && !reason.isBlank();
        }

        SubmissionRequests.Submit request() {
            return new SubmissionRequests.Submit(
                    year, month, note, hasReason() ? new SubmissionRequests.Restatement(reason) : null);
        }
    }

    /** A reviewer's opinion: optional to accept, required to return (the page checks the latter). */
    static final class Opinion {

        @Size(max = 1000, message = "{form.reason}")
        private String opinion;

        public String getOpinion() {
            return opinion;
        }

        public void setOpinion(String opinion) {
            this.opinion = opinion;
        }

        boolean isBlank() {
            return opinion == null || opinion.isBlank();
        }
    }
}
