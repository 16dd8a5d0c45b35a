package cn.zhaoshang.tracker.access.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import org.axonframework.serialization.Revision;

/** A disabled user may log in again; {@code reason} may be null. */
@Revision("1")
public record UserEnabled(String username, String reason) implements Reasoned {}
