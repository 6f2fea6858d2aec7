-- A letter being written when its writer's call ended (a restart, a kick, a dropped line) is
-- kept here as a draft, one per user, until the writer opens Write mail again and gets it back.
-- recipient is the handle, or 'all' for a sysop's bulletin; it is empty when none was chosen yet,
-- and subject is NULL while it has not been given.
CREATE TABLE mail_drafts (
    owner      TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    recipient  TEXT NOT NULL,
    subject    TEXT,
    body       TEXT NOT NULL,
    saved_at   TEXT NOT NULL
) STRICT;
