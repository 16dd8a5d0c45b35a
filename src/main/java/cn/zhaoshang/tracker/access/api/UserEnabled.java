package cn.zhaoshang.tracker.access.api;

import org.axonframework.serialization.Revision;

/** A disabled user may log in again; {@code reason} may be null. */
@Revision("1")
public record UserEnabled(String username, String reason) {}
