-- What presence remembers of a person between their connections.
--   last_seen_at        when their last connection ended (NULL: never seen since this was kept)
--   chosen_status       away or dnd chosen by hand, kept across logins until /back (NULL: none)
--   chosen_text         the away text that came with it
--   chosen_at           when it was chosen: a later write never loses to an earlier one
--   profile_updated_at  when display name, tagline or location last changed
ALTER TABLE users ADD COLUMN last_seen_at TEXT;
ALTER TABLE users ADD COLUMN chosen_status TEXT CHECK (chosen_status IN ('away', 'dnd'));
ALTER TABLE users ADD COLUMN chosen_text TEXT;
ALTER TABLE users ADD COLUMN chosen_at TEXT;
ALTER TABLE users ADD COLUMN profile_updated_at TEXT;
CREATE INDEX users_last_seen ON users (last_seen_at DESC);
