-- People who can log in. Times are ISO-8601 UTC text with milliseconds
-- (see dev.carrier.store.Timestamps), so they sort and read as dates.
CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    -- NOCASE folds ASCII only, which is enough: handles are ASCII by rule.
    handle         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash  TEXT    NOT NULL,
    display_name   TEXT,
    tagline        TEXT,
    location       TEXT,
    is_sysop       INTEGER NOT NULL DEFAULT 0 CHECK (is_sysop IN (0, 1)),
    is_banned      INTEGER NOT NULL DEFAULT 0 CHECK (is_banned IN (0, 1)),
    created_at     TEXT    NOT NULL,
    last_login_at  TEXT
) STRICT;
