-- /ignore: whose lines, messages, pages and notices a user does not want; handles lower-case.
CREATE TABLE ignores (
    owner   TEXT NOT NULL,
    ignored TEXT NOT NULL,
    PRIMARY KEY (owner, ignored)
) STRICT;
