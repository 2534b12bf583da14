-- Online metrics (issue 15): what the bot showed each user, by which model and experiment arm, and what followed.
-- Both tables are append-only: a row is never updated, only deleted with the user's data (/delete_my_data) or by
-- an operator's retention policy. Writes come from a silo-wide batch writer off the hot path: a shown list or an
-- outcome lost in an outage costs a metric, never a user's rating (ratings live in user_ratings).

-- One row per list shown to one user. A watch party's shortlist is a list shown to each member.
CREATE TABLE shown_lists (
    list_id        uuid        PRIMARY KEY,
    user_id        bigint      NOT NULL,           -- Discord user id
    shown_at       timestamptz NOT NULL,
    surface        text        NOT NULL CHECK (surface IN ('recommend', 'watch_party')),
    model_version  integer     NOT NULL,           -- trained_models.version that ranked it
    experiment_id  integer,                        -- the running experiment the user was in, if any
    arm            text        CHECK (arm IN ('control', 'candidate')),
    movie_ids      integer[]   NOT NULL,           -- as shown: position n (1-based) is movie_ids[n]
    CHECK ((experiment_id IS NULL) = (arm IS NULL))
);
CREATE INDEX shown_lists_time ON shown_lists (shown_at);
CREATE INDEX shown_lists_user_time ON shown_lists (user_id, shown_at);
CREATE INDEX shown_lists_experiment ON shown_lists (experiment_id, arm) WHERE experiment_id IS NOT NULL;

-- What a user did about a title a list showed them: feedback on it, or a rating within the attribution window
-- (7 days by default). Attributed to the latest list that showed the title before the outcome.
CREATE TABLE recommendation_outcomes (
    outcome_id     bigserial   PRIMARY KEY,
    list_id        uuid        NOT NULL REFERENCES shown_lists (list_id) ON DELETE CASCADE,
    user_id        bigint      NOT NULL,
    movie_id       integer     NOT NULL,
    position       smallint    NOT NULL,           -- 1-based position of the title in the list
    kind           text        NOT NULL CHECK (kind IN ('like', 'dislike', 'not_interested', 'watched', 'rating')),
    stars          numeric(2,1) CHECK ((kind = 'rating') = (stars IS NOT NULL)),
    occurred_at    timestamptz NOT NULL
);
CREATE INDEX recommendation_outcomes_list ON recommendation_outcomes (list_id);
CREATE INDEX recommendation_outcomes_user ON recommendation_outcomes (user_id);
