-- Letters: mail with a subject, kept until the recipient deletes it. Not the same
-- thing as direct_messages (chat's /msg, one line, shown once): a letter waits in
-- the inbox, is read, replied to and deleted there.
--
-- One row is one letter in one mailbox. A bulletin to "all" (sysops only) is
-- stored as one row per user, written in one transaction, so each reader has
-- their own read mark and delete, and the inbox stays a single-table query.
-- The whole letter is one row: a send stores all of it or nothing.
CREATE TABLE letters (
    id         INTEGER PRIMARY KEY,
    sender     TEXT    NOT NULL COLLATE NOCASE,
    recipient  TEXT    NOT NULL COLLATE NOCASE,
    subject    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    sent_at    TEXT    NOT NULL,
    read_at    TEXT,
    bulletin   INTEGER NOT NULL DEFAULT 0 CHECK (bulletin IN (0, 1))
) STRICT;

CREATE INDEX letters_inbox ON letters (recipient, id);
CREATE INDEX letters_new ON letters (recipient) WHERE read_at IS NULL;
