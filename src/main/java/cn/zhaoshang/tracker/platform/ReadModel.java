package cn.zhaoshang.tracker.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A projection that the auditors' replay rebuilds from the whole history and compares with its live tables. Its
 * handlers write through the {@link ReadModelWrites} its constructor is given; the replay makes a second instance of
 * the class, with the same constructor and beans but another {@code ReadModelWrites}, whose writes reach the rebuilt
 * tables instead of the live ones. Nothing else is to be written for a new read model to be rebuilt and compared.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {

    /** Its name in the replay's report: its processing group's unless given. */
    String name() default "";

    /**
     * Its tables: the replay rebuilds them beside the live ones, compares their rows (every column but an identity, in
     * any order) and copies them over the live ones if they differ.
     */
    String[] tables();
}
