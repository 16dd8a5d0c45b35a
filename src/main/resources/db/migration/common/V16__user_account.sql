-- Users as the access slice's events made them (access.UserAccounts, a read model rebuilt by the replay), written in
-- the transaction of the command: a login reads its roles, scope and stamp here.
CREATE TABLE user_account (
    username     VARCHAR(32)              NOT NULL PRIMARY KEY,
    display_name VARCHAR(200)             NOT NULL,
    roles        VARCHAR(200)             NOT NULL,
    scope_level  VARCHAR(10)              NOT NULL,
    scope_id     VARCHAR(40)              NOT NULL,
    enabled      BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)              NOT NULL,
    -- the sequence number of the user's latest event: a login made before it is out of date (access.LoginStamps)
    stamp        BIGINT                   NOT NULL
);

-- Password hashes: secrets, not history, so not in any event; never rebuilt, never returned (access.Passwords).
CREATE TABLE user_password (
    username VARCHAR(32)  NOT NULL PRIMARY KEY,
    hash     VARCHAR(100) NOT NULL
);
