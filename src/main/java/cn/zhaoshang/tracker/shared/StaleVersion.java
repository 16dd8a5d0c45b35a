package cn.zhaoshang.tracker.shared;

/** The caller's If-Match names a version the project no longer (or never) had (HTTP 412). */
public class StaleVersion extends RuntimeException {

    public StaleVersion(long expected, long actual) {
        super("项目版本已变化：请求基于版本 %d，当前版本 %d / project version is %d, request was based on %d"
                .formatted(expected, actual, actual, expected));
    }

    public StaleVersion(String ifMatch) {
        super("If-Match 的值 %s 不是项目版本 / If-Match %s is not a project version".formatted(ifMatch, ifMatch));
    }
}
