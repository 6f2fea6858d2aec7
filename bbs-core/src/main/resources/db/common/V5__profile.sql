-- What a user chose for their own terminal in the profile, applied at every login.
--   charset      NULL: whatever the transport picked from the terminal type
--   ansi_colour  1: stages may draw with ANSI colour
--   screen_rows  0: the height the terminal reports (NAWS), 24 when unknown
ALTER TABLE users ADD COLUMN charset TEXT CHECK (charset IN ('UTF-8', 'CP437'));
ALTER TABLE users ADD COLUMN ansi_colour INTEGER NOT NULL DEFAULT 0 CHECK (ansi_colour IN (0, 1));
ALTER TABLE users ADD COLUMN screen_rows INTEGER NOT NULL DEFAULT 0
    CHECK (screen_rows = 0 OR screen_rows BETWEEN 10 AND 200);
