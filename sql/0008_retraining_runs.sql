-- Scheduled retraining (issue 15): one row per check of the schedule that did something worth keeping (trained a
-- candidate, or decided why not), so operators and the dashboard see what the schedule did. Append-only.

CREATE TABLE retraining_runs (
    run_id             bigserial   PRIMARY KEY,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz NOT NULL,
    current_version    integer     NOT NULL,       -- the model current when it started
    candidate_version  integer,                    -- the candidate trained, if any
    new_ratings        integer     NOT NULL,       -- users' ratings since the current model was trained
    held_out           integer     NOT NULL,       -- of them, the newest held out for the offline comparison
    decision           text        NOT NULL CHECK (decision IN ('canary', 'rejected', 'failed')),
    experiment_id      integer REFERENCES experiments (experiment_id),
    metrics            jsonb       NOT NULL DEFAULT '{}',   -- recall@10, ndcg@10, coverage@10 of current and candidate
    note               text        NOT NULL
);
CREATE INDEX retraining_runs_started ON retraining_runs (started_at);
