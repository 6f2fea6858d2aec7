-- Public keys a user added for SSH logins. A key opens one account only (UNIQUE over type and
-- blob), so a key login never has to choose between users. The blob is the key's base64 text
-- as OpenSSH writes it; the fingerprint is OpenSSH's SHA256:... form, kept for listing.
CREATE TABLE ssh_keys (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key_type     TEXT    NOT NULL,
    key_blob     TEXT    NOT NULL,
    comment      TEXT    NOT NULL DEFAULT '',
    fingerprint  TEXT    NOT NULL,
    added_at     TEXT    NOT NULL,
    UNIQUE (key_type, key_blob)
) STRICT;

CREATE INDEX ssh_keys_user ON ssh_keys (user_id);
