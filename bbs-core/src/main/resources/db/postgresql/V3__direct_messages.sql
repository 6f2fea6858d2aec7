-- PostgreSQL's form of db/migration/V3__direct_messages.sql. SQLite numbers every row in rowid,
-- which the stores use to order messages sent in the same millisecond; here that number is a
-- column of the same name, so the same SQL orders the same way.
CREATE TABLE direct_messages (
    id              TEXT NOT NULL PRIMARY KEY,
    sender          TEXT COLLATE nocase NOT NULL,
    recipient       TEXT COLLATE nocase NOT NULL,
    body            TEXT NOT NULL,
    sent_at         TEXT NOT NULL,
    delivery_method TEXT NOT NULL CHECK (delivery_method IN ('direct', 'offline')),
    delivered_at    TEXT,
    read_at         TEXT,
    rowid           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX direct_messages_waiting ON direct_messages (recipient) WHERE delivered_at IS NULL;
CREATE INDEX direct_messages_pair ON direct_messages (sender, recipient, sent_at);
