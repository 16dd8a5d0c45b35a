package cn.zhaoshang.tracker.signin;

/**
 * Tells whether a login made earlier still stands: its user was not disabled, did not change its password and was
 * not given other roles or another scope since. Asked on every request that rides on a remembered login (a page
 * session, a Basic login remembered by {@link RecentLogins}), so a change of access is obeyed at once on every
 * instance.
 */
public interface LoginStamps {

    boolean current(Object principal);
}
