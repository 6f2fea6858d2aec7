-- How chat draws for a user whose terminal handles ANSI, chosen with /layout in chat.
--   chat_layout  'screen': a scroll region for the room, a status bar and a fixed input line
--                'plain':  lines one after another, as on a terminal without ANSI
ALTER TABLE users ADD COLUMN chat_layout TEXT NOT NULL DEFAULT 'screen'
    CHECK (chat_layout IN ('screen', 'plain'));
