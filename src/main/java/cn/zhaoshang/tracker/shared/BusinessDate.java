package cn.zhaoshang.tracker.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A date a deal can carry: not after today in China (the validator's clock) and not before 1949-10-01, so that a
 * mistyped year (0023, -999999999) is refused instead of being stored and counted in no year anyone reports. A
 * missing date is valid here; {@code @NotNull} says whether it is required.
 */
@Documented
@Constraint(validatedBy = BusinessDate.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface BusinessDate {

    LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

    /** Business dates are days in China: "today", a deadline's day and the times shown to readers are taken here. */
    ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Said of a date after today. */
    String message() default "{form.notFuture}";

    /** Said of a date before {@link #EARLIEST}. */
    String tooEarly() default "{form.tooEarly}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<BusinessDate, LocalDate> {

        private String tooEarly;

        @Override
        public void initialize(BusinessDate annotation) {
            tooEarly = annotation.tooEarly();
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            if (date == null) {
                return true;
            }
            if (date.isBefore(EARLIEST)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(tooEarly).addConstraintViolation();
                return false;
            }
            return !date.isAfter(LocalDate.now(context.getClockProvider().getClock()));
        }
    }
}
