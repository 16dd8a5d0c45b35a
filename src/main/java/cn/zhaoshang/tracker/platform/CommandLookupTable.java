package cn.zhaoshang.tracker.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read model that an aggregate's rule reads while it decides (does the zone exist, is the arrival id new). It is
 * right only if it is written in the transaction of the command that stores the events, that is by a subscribing
 * processor: {@link CommandLookupTables} refuses to start otherwise.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CommandLookupTable {}
