-- One key per chat line, so that every server of a cluster may store the lines it delivers and
-- each is kept once: the first server to write a line keeps it, the others' writes do nothing
-- (ON CONFLICT DO NOTHING). A digest of room, kind, sender, text and the moment to the
-- nanosecond, all of which every server receives alike. NULL for lines kept before.
ALTER TABLE chat_history ADD COLUMN line_key TEXT;

CREATE UNIQUE INDEX chat_history_line ON chat_history (line_key);
