package cn.zhaoshang.tracker.access.api;

import cn.zhaoshang.tracker.shared.Scope;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A user was registered with its roles and scope; who registered it is the event's {@code recordedBy}. */
@Revision("1")
public record UserRegistered(String username, String displayName, List<Role> roles, Scope scope) {}
