package cn.zhaoshang.tracker.access;

/** Whether a user name is taken; read by the registration rule in the command's transaction. */
interface KnownUsers {

    boolean exists(String username);
}
