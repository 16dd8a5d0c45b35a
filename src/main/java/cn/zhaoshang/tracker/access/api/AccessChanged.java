package cn.zhaoshang.tracker.access.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import cn.zhaoshang.tracker.shared.Scope;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A user's roles or scope were changed (re-scoped, granted, revoked); {@code reason} may be null. */
@Revision("1")
public record AccessChanged(String username, List<Role> roles, Scope scope, String reason) implements Reasoned {}
