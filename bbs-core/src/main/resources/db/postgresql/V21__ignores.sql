-- PostgreSQL's form of db/migration/V21__ignores.sql.
CREATE TABLE ignores (
    owner   TEXT NOT NULL,
    ignored TEXT NOT NULL,
    PRIMARY KEY (owner, ignored)
);
