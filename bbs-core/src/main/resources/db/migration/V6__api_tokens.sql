-- Bearer tokens for JSON clients. Only a SHA-256 of each token is kept, so a copy
-- of the database lets nobody in. A token ends at its expiry, at logout, when
-- its user's password changes, or when its user is banned.
CREATE TABLE api_tokens (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL
) STRICT;

CREATE INDEX api_tokens_user ON api_tokens (user_id);
