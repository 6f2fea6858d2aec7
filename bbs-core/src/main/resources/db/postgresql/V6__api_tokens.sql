-- PostgreSQL's form of db/migration/V6__api_tokens.sql.
CREATE TABLE api_tokens (
    token_hash  TEXT   NOT NULL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TEXT   NOT NULL,
    expires_at  TEXT   NOT NULL
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);
