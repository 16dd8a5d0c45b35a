package cn.zhaoshang.tracker.access.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import org.axonframework.serialization.Revision;

/** A user may no longer log in, from its next request on; {@code reason} may be null. */
@Revision("1")
public record UserDisabled(String username, String reason) implements Reasoned {}
