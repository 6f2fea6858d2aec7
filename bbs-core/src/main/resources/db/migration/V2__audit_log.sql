-- What sysops and the system did, for later reading: bans, role changes,
-- password resets. Rows are only ever added.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    -- The handle of whoever acted, or NULL when the server itself did.
    actor   TEXT,
    action  TEXT NOT NULL,
    detail  TEXT
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at);
