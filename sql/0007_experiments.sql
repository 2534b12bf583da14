-- Experiments (issue 15): the current model against a candidate version, users split deterministically by a hash
-- of (experiment id, user id). At most one experiment runs at a time, so a user is in at most one. Every silo reads
-- the running experiment from here, so they all assign the same arms.

CREATE TABLE experiments (
    experiment_id      serial           PRIMARY KEY,
    name               text             NOT NULL,
    origin             text             NOT NULL CHECK (origin IN ('operator', 'canary')),
    control_version    integer          NOT NULL REFERENCES trained_models (version),
    candidate_version  integer          NOT NULL REFERENCES trained_models (version),
    candidate_share    double precision NOT NULL CHECK (candidate_share > 0 AND candidate_share < 1),
    status             text             NOT NULL CHECK (status IN ('running', 'promoted', 'stopped')),
    started_at         timestamptz      NOT NULL,
    ended_at           timestamptz,
    note               text,                       -- why it started (a canary's offline evaluation) or ended
    CHECK (control_version <> candidate_version),
    CHECK ((status = 'running') = (ended_at IS NULL))
);
CREATE UNIQUE INDEX experiments_one_running ON experiments ((true)) WHERE status = 'running';
