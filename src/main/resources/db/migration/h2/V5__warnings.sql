-- Warnings (履约预警, warning slice): the zones' time rules and the projects flagged now.
CREATE TABLE warning_rules (
    zone_id                       VARCHAR(40) NOT NULL PRIMARY KEY,
    not_landed_yellow_days        INTEGER     NOT NULL,
    not_landed_red_days           INTEGER     NOT NULL,
    not_in_production_yellow_days INTEGER     NOT NULL,
    not_in_production_red_days    INTEGER     NOT NULL
);

CREATE TABLE project_warning (
    project_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    zone_id      VARCHAR(40)  NOT NULL,
    project_name VARCHAR(200) NOT NULL,
    colour       VARCHAR(10)  NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    since        DATE         NOT NULL,
    due_on       DATE         NOT NULL,
    raised_on    DATE         NOT NULL,
    flagged_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX project_warning_zone ON project_warning (zone_id);

-- db-scheduler's table: Axon's DbSchedulerDeadlineManager keeps the pending warning checks here, so they survive
-- a restart (layout of db-scheduler 16's own H2/PostgreSQL scripts).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) WITH TIME ZONE,
    last_failure         TIMESTAMP(6) WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP(6) WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
