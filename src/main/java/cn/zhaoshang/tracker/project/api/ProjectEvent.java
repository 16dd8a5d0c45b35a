package cn.zhaoshang.tracker.project.api;

/** Every event of an investment project names the project it belongs to. */
public interface ProjectEvent {

    ProjectId projectId();
}
