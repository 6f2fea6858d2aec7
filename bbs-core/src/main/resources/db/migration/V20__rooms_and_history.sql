-- Chat rooms that outlive their visitors: owner (NULL for the lobby), topic, invite-only.
CREATE TABLE rooms (
    name            TEXT    PRIMARY KEY,
    owner           TEXT,
    topic           TEXT    NOT NULL DEFAULT '',
    invitation_only INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL
) STRICT;

-- Who may enter an invite-only room besides its owner and the sysops; handles lower-case.
CREATE TABLE room_invites (
    room   TEXT NOT NULL REFERENCES rooms (name) ON DELETE CASCADE,
    handle TEXT NOT NULL,
    PRIMARY KEY (room, handle)
) STRICT;

-- Every public line of every room, in the order the rooms delivered them (id order). Kept by
-- count per room and by age (--chat-history). kind: public, action, system.
CREATE TABLE chat_history (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    room   TEXT    NOT NULL,
    kind   TEXT    NOT NULL,
    sender TEXT,
    text   TEXT    NOT NULL,
    at     TEXT    NOT NULL
) STRICT;

CREATE INDEX chat_history_room ON chat_history (room, id);
CREATE INDEX chat_history_at ON chat_history (at);
