-- The application's Ed25519 public keys (docs/auditing.md, ADR 0027): each announced by the key before it (the first by
-- itself) and accepting that predecessor by its own signature. The private keys live in files, never here.
CREATE TABLE signing_key (
    key_id                 VARCHAR(16)              NOT NULL PRIMARY KEY,
    algorithm              VARCHAR(16)              NOT NULL,
    public_key             VARCHAR(200)             NOT NULL,
    -- the first checkpoint position it signs; the next key's valid_from ends its period
    valid_from             BIGINT                   NOT NULL UNIQUE,
    announced_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    predecessor            VARCHAR(16),
    announcement_signature VARCHAR(100)             NOT NULL,
    acceptance_signature   VARCHAR(100)             NOT NULL
);

-- A signature of the chain's hash at the last position of every commit, written in the commit's transaction.
CREATE TABLE chain_checkpoint (
    position  BIGINT                   NOT NULL PRIMARY KEY,
    hash      CHAR(64)                 NOT NULL,
    key_id    VARCHAR(16)              NOT NULL,
    signature VARCHAR(100)             NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
