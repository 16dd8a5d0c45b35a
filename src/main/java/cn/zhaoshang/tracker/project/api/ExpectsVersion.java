package cn.zhaoshang.tracker.project.api;

/**
 * A command on an existing project that may name the version its caller saw (the API's If-Match, the version a
 * page's form was drawn from): the project refuses it when it has moved on since, before any rule is checked.
 */
public interface ExpectsVersion {

    /** The version the caller saw, or null to accept any. */
    Long expectedVersion();
}
