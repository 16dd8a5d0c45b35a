-- PostgreSQL twin of h2/V2 (docs/adr/0010).
-- Zones known to the write side (set-based validation of project signing) and their annual targets.
CREATE TABLE zone_directory (
    zone_id VARCHAR(40)  NOT NULL PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    city    VARCHAR(40)  NOT NULL
);

CREATE TABLE annual_target (
    zone_id                 VARCHAR(40) NOT NULL,
    target_year             INTEGER     NOT NULL,
    contract_investment_cny DECIMAL(19, 2),
    foreign_capital_usd     DECIMAL(19, 2),
    project_count           INTEGER,
    PRIMARY KEY (zone_id, target_year)
);

-- Project detail and list (projectlist slice).
CREATE TABLE project_summary (
    project_id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    zone_id                      VARCHAR(40)  NOT NULL,
    name                         VARCHAR(200) NOT NULL,
    investor_name                VARCHAR(200) NOT NULL,
    investor_country             VARCHAR(2),
    investor_top500              VARCHAR(20),
    industry                     VARCHAR(40)  NOT NULL,
    stage                        VARCHAR(20)  NOT NULL,
    signed_on                    DATE         NOT NULL,
    landed_on                    DATE,
    production_started_on        DATE,
    terminated_on                DATE,
    -- Sums of many amounts of up to 15 integer digits: wide enough never to overflow.
    contract_investment_cny      DECIMAL(30, 2) NOT NULL,
    foreign_capital_arrived_usd  DECIMAL(30, 2) NOT NULL,
    domestic_capital_arrived_cny DECIMAL(30, 2) NOT NULL,
    amended                      BOOLEAN      NOT NULL DEFAULT FALSE,
    version                      BIGINT       NOT NULL
);
CREATE INDEX project_summary_zone ON project_summary (zone_id, signed_on);


-- Answers to requests sent with an Idempotency-Key, written in the transaction of the events they produced.
CREATE TABLE idempotency_key (
    idem_key     VARCHAR(200) NOT NULL PRIMARY KEY,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    body         TEXT,
    location     VARCHAR(500),
    etag         VARCHAR(40),
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
