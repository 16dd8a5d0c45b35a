-- Every arrival of capital of every project (project.ArrivalTable, ADR 0016), written in the transaction that stores
-- its event: the project's commands look arrivals up here instead of keeping them in the aggregate. A read model
-- like the others, so its shadow table is created with it (ADR 0013). Rows of databases that already hold arrivals
-- are filled from their events by the Java migration V12 (project.FillArrivalTable).
CREATE TABLE project_arrival (
    project_id  VARCHAR(64)    NOT NULL,
    arrival_id  VARCHAR(64)    NOT NULL,
    sequence_no BIGINT         NOT NULL,
    arrived_on  DATE           NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    amount      DECIMAL(19, 2) NOT NULL,
    retracted   BOOLEAN        NOT NULL,
    PRIMARY KEY (project_id, arrival_id)
);
CREATE TABLE ${flyway:defaultSchema}_rebuild.project_arrival (
    project_id  VARCHAR(64)    NOT NULL,
    arrival_id  VARCHAR(64)    NOT NULL,
    sequence_no BIGINT         NOT NULL,
    arrived_on  DATE           NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    amount      DECIMAL(19, 2) NOT NULL,
    retracted   BOOLEAN        NOT NULL,
    PRIMARY KEY (project_id, arrival_id)
);
