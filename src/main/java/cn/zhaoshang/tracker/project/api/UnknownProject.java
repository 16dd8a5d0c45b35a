package cn.zhaoshang.tracker.project.api;

import cn.zhaoshang.tracker.shared.NotFound;

public class UnknownProject extends NotFound {

    public UnknownProject(String projectId) {
        super("项目 %s 不存在 / unknown project %s".formatted(projectId, projectId));
    }
}
