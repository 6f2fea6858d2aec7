-- Direct messages between two users: telnet /msg and the JSON send_message are the
-- same thing. A message to someone with no connection waits here, undelivered,
-- until their next login; delivered_at is set exactly once.
CREATE TABLE direct_messages (
    id              TEXT NOT NULL PRIMARY KEY,      -- a UUID, the msg_id clients see
    sender          TEXT NOT NULL COLLATE NOCASE,
    recipient       TEXT NOT NULL COLLATE NOCASE,
    body            TEXT NOT NULL,
    sent_at         TEXT NOT NULL,
    delivery_method TEXT NOT NULL CHECK (delivery_method IN ('direct', 'offline')),
    delivered_at    TEXT,
    read_at         TEXT
) STRICT;

CREATE INDEX direct_messages_waiting ON direct_messages (recipient) WHERE delivered_at IS NULL;
CREATE INDEX direct_messages_pair ON direct_messages (sender, recipient, sent_at);
