package cn.zhaoshang.tracker.access.api;

import org.axonframework.serialization.Revision;

/**
 * A user's password was set anew, by itself or by an ADMIN ({@code recordedBy}); the hash is kept outside the
 * history. It ends the user's sessions and remembered logins.
 */
@Revision("1")
public record PasswordChanged(String username) {}
