-- CineSync initial schema. Migrations are append-only: never edit a file once it has landed,
-- add a new numbered file instead. Each file runs once, inside a transaction, recorded in
-- schema_migrations by the migration runner (src/Database).

-- Catalogue ------------------------------------------------------------------------------

CREATE TABLE movies (
    movie_id      integer PRIMARY KEY,            -- MovieLens movieId (ml-latest-small numbering)
    title         text        NOT NULL,           -- title without the "(1999)" suffix
    year          smallint,
    genres        text[]      NOT NULL DEFAULT '{}',
    imdb_id       integer,                        -- links.csv imdbId (tt-number without "tt")
    tmdb_id       integer,
    popularity    real        NOT NULL DEFAULT 0, -- number of corpus ratings, refreshed after imports
    mean_rating   real
);
CREATE INDEX movies_imdb_id ON movies (imdb_id);
CREATE INDEX movies_lower_title ON movies (lower(title));

-- Ids a data set uses for movies that are not MovieLens movieIds (ml-100k item ids, ...).
CREATE TABLE movie_aliases (
    dataset       text    NOT NULL,
    external_id   text    NOT NULL,
    movie_id      integer NOT NULL REFERENCES movies (movie_id),
    PRIMARY KEY (dataset, external_id)
);

CREATE TABLE people (
    person_id     serial PRIMARY KEY,
    name          text NOT NULL UNIQUE
);

CREATE TABLE movie_people (
    movie_id      integer  NOT NULL REFERENCES movies (movie_id),
    person_id     integer  NOT NULL REFERENCES people (person_id),
    role          text     NOT NULL CHECK (role IN ('director', 'actor')),
    billing       smallint NOT NULL DEFAULT 0,     -- 0 for directors, 1..n for cast order
    PRIMARY KEY (movie_id, person_id, role)
);
CREATE INDEX movie_people_person ON movie_people (person_id);

CREATE TABLE movie_tags (
    dataset       text        NOT NULL,
    user_id       integer     NOT NULL,
    movie_id      integer     NOT NULL REFERENCES movies (movie_id),
    tag           text        NOT NULL,
    tagged_at     timestamptz NOT NULL,
    PRIMARY KEY (dataset, user_id, movie_id, tag)
);

-- Training corpus: imported ratings, kept apart from Discord users' ratings ---------------

CREATE TABLE corpus_ratings (
    dataset       text        NOT NULL,           -- 'ml-latest-small', 'ml-100k', ...
    user_id       integer     NOT NULL,           -- the data set's own user id
    movie_id      integer     NOT NULL REFERENCES movies (movie_id),
    rating        real        NOT NULL CHECK (rating >= 0.5 AND rating <= 5.0),
    rated_at      timestamptz NOT NULL,
    PRIMARY KEY (dataset, user_id, movie_id)
);
CREATE INDEX corpus_ratings_movie ON corpus_ratings (movie_id);

-- Discord users --------------------------------------------------------------------------

CREATE TABLE user_ratings (
    user_id       bigint      NOT NULL,           -- Discord user id (snowflake)
    movie_id      integer     NOT NULL REFERENCES movies (movie_id),
    rating        numeric(2,1) NOT NULL CHECK (rating >= 0.5 AND rating <= 5.0 AND rating * 2 = floor(rating * 2)),
    rated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, movie_id)
);
CREATE INDEX user_ratings_movie_time ON user_ratings (movie_id, rated_at);
CREATE INDEX user_ratings_time ON user_ratings (rated_at);

CREATE TABLE feedback (
    feedback_id   bigserial   PRIMARY KEY,
    user_id       bigint      NOT NULL,
    movie_id      integer     NOT NULL REFERENCES movies (movie_id),
    kind          text        NOT NULL CHECK (kind IN ('like', 'dislike', 'not_interested', 'watched')),
    model         text,                            -- the model credited with the recommendation, if known
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_user ON feedback (user_id);

-- Runtime --------------------------------------------------------------------------------

-- Keyed by (grain type, grain key, state name): two grain types with the same key never share a row.
CREATE TABLE grain_state (
    grain_type     text        NOT NULL,
    grain_key      text        NOT NULL,
    state_name     text        NOT NULL,
    version        bigint      NOT NULL,           -- the ETag: bumped by every write, checked by the next
    schema_version integer     NOT NULL DEFAULT 1, -- version of the payload's shape, so state can evolve
    payload        jsonb       NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, state_name)
);

-- Cluster membership, one row per silo incarnation (address + port + generation).
CREATE TABLE cluster_members (
    cluster_id       text        NOT NULL,
    address          text        NOT NULL,
    port             integer     NOT NULL,         -- silo-to-silo port
    generation       bigint      NOT NULL,         -- distinguishes restarts on the same endpoint
    gateway_port     integer,                      -- client gateway port, NULL when the silo has none
    dashboard_url    text,
    silo_name        text        NOT NULL,
    roles            text[]      NOT NULL DEFAULT '{}',
    status           text        NOT NULL CHECK (status IN ('joining', 'active', 'shutting_down', 'dead')),
    started_at       timestamptz NOT NULL,
    i_am_alive_at    timestamptz NOT NULL,
    suspect_votes    text[]      NOT NULL DEFAULT '{}',
    version          bigint      NOT NULL DEFAULT 0, -- compare-and-swap guard for status changes
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- Table-wide version, bumped with every membership change so readers see a consistent view.
CREATE TABLE cluster_versions (
    cluster_id    text   PRIMARY KEY,
    version       bigint NOT NULL DEFAULT 0
);

-- Recommender ----------------------------------------------------------------------------

CREATE TABLE trained_models (
    version       integer     PRIMARY KEY,
    created_at    timestamptz NOT NULL DEFAULT now(),
    metrics       jsonb       NOT NULL DEFAULT '{}',
    checksum      text        NOT NULL,
    artifact      bytea       NOT NULL,
    is_current    boolean     NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX trained_models_one_current ON trained_models (is_current) WHERE is_current;
