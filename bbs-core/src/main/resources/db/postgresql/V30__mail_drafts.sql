-- PostgreSQL's form of db/migration/V30__mail_drafts.sql.
CREATE TABLE mail_drafts (
    owner      TEXT COLLATE nocase NOT NULL PRIMARY KEY,
    recipient  TEXT NOT NULL,
    subject    TEXT,
    body       TEXT NOT NULL,
    saved_at   TEXT NOT NULL
);
