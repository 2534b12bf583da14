-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2) on PostgreSQL.
--
-- The ADO.NET providers ship no SQL: at start-up each one runs the hard-coded
-- `SELECT QueryKey, QueryText FROM OrleansQuery` and from then on executes only the texts it
-- finds there, binding its own named parameters (@DeploymentId, @Address, ...). So this file
-- defines both the tables and the queries, written by us against the provider's contract:
--   * parameter names and types are the provider's (text, integer, timestamptz, ...);
--   * result columns are read by name, so every query aliases our lower_snake columns to the
--     names the provider asks for ("Address", "Version", ...);
--   * "DeploymentId" is Orleans' ClusterId (ClusterOptions.ClusterId), the old name survives
--     in the provider.
-- The tables `cluster_members` and `cluster_versions` from 0001 belong to our retired runtime and
-- are left alone here.

-- Named queries ---------------------------------------------------------------------------

-- Shared by the clustering, persistence and reminders providers (0003 and 0004 add their
-- rows). The providers' query is unquoted, so PostgreSQL folds it to these lower-case names.
-- One row per key: the providers load the rows into a dictionary and fail on duplicates.
CREATE TABLE orleansquery (
    querykey   text PRIMARY KEY,
    querytext  text NOT NULL
);

-- Tables ----------------------------------------------------------------------------------

-- One row per cluster: the table-wide version every membership change must bump. A silo reads
-- the version with the rows, and its next insert/update only succeeds if the version is still
-- the one it read (optimistic concurrency for the whole table, which Orleans' membership
-- protocol relies on).
CREATE TABLE orleans_membership_version (
    deployment_id  text        PRIMARY KEY,
    version        integer     NOT NULL DEFAULT 0,   -- the provider handles it as an int32 ETag
    changed_at     timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation: endpoint + generation (a restart on the same endpoint gets a
-- new generation, hence a new row). Deleting the version row deletes the cluster's members.
-- Times are timestamptz: Npgsql sends the provider's UTC DateTime parameters as timestamptz,
-- and with `timestamp` columns (Orleans issue #7501) comparisons and function resolution go
-- wrong and the silo hangs at "Joining".
CREATE TABLE orleans_membership (
    deployment_id    text        NOT NULL REFERENCES orleans_membership_version ON DELETE CASCADE,
    address          text        NOT NULL,   -- IP address as text, parsed back by IPAddress.Parse
    port             integer     NOT NULL,   -- silo-to-silo port
    generation       integer     NOT NULL,
    silo_name        text        NOT NULL,
    host_name        text        NOT NULL,
    status           integer     NOT NULL,   -- Orleans SiloStatus: 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead
    proxy_port       integer     NOT NULL,   -- client gateway port, 0 when the silo has no gateway
    suspect_times    text,                   -- Orleans' own encoding of suspicion votes: '127.0.0.1:11111@155302845,2026-12-03 11:41:05.552 GMT|...'
    start_time       timestamptz NOT NULL,
    i_am_alive_time  timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Functions -------------------------------------------------------------------------------

-- Inserting a silo's row and bumping the table version must happen together or not at all.
-- Returns true when both happened; false when the version moved on since the caller read it
-- (another silo changed the table first: Orleans re-reads and retries) or the row exists.
CREATE FUNCTION orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql AS $fn$
BEGIN
    -- Lock the version row, but only if it still holds the version the caller read. A writer
    -- that committed first has bumped it, and PostgreSQL re-checks the condition after waiting
    -- for its lock, so we then find nothing.
    PERFORM 1
      FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
         start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
         p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- A status change (Joining -> Active -> ShuttingDown -> Dead) or a suspicion vote, under the same
-- table-version check as the insert. Orleans only changes status, votes and the alive time here.
CREATE FUNCTION orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM 1
      FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status          = p_status,
           suspect_times   = p_suspect_times,
           -- The entry may carry an older alive time than the latest heartbeat already stored.
           i_am_alive_time = GREATEST(i_am_alive_time, p_i_am_alive_time)
     WHERE deployment_id = p_deployment_id
       AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- When a dead silo last showed a sign of life: the latest of its start, its last heartbeat and
-- the votes cast against it (declaring a silo dead is itself a vote). Orleans' cleanup agent
-- picks its cut-off with exactly this notion ("effective update time"), e.g. to keep the newest
-- 25 dead rows, so the delete must use it too. A vote it cannot parse makes the delete fail,
-- which keeps the rows rather than dropping the wrong ones.
CREATE FUNCTION orleans_membership_last_activity(
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_suspect_times   text)
RETURNS timestamptz
LANGUAGE sql STABLE AS $fn$
    SELECT GREATEST(p_start_time, p_i_am_alive_time,
                    max(split_part(vote, ',', 2)::timestamptz))   -- '2026-12-03 10:00:00.123 GMT'
      FROM unnest(string_to_array(p_suspect_times, '|')) AS vote  -- no votes: max is NULL, ignored
$fn$;

-- The queries ------------------------------------------------------------------------------

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Run by every silo at start-up: creates the cluster's version row unless it exists. The
-- provider expects exactly one row with one boolean-ish column (true: created by this call).
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1
    )
    SELECT count(*) = 1 FROM created;
$q$),

-- Clients (and silos' gateway lists) find gateways here; @Status is Active (3). Silos without a
-- gateway register proxy port 0.
('GatewaysQueryKey', $q$
    SELECT address    AS "Address",
           proxy_port AS "ProxyPort",
           generation AS "Generation"
      FROM orleans_membership
     WHERE deployment_id = @DeploymentId
       AND status = @Status
       AND proxy_port > 0;
$q$),

-- One silo's row plus the table version. The version row drives the result (LEFT JOIN): the
-- provider takes the version from the first row and reads a row with NULL "StartTime" as
-- "no such member", so an unknown silo still yields one row.
('MembershipReadRowKey', $q$
    SELECT v.version         AS "Version",
           m.address         AS "Address",
           m.port            AS "Port",
           m.generation      AS "Generation",
           m.silo_name       AS "SiloName",
           m.host_name       AS "HostName",
           m.status          AS "Status",
           m.proxy_port      AS "ProxyPort",
           m.suspect_times   AS "SuspectTimes",
           m.start_time      AS "StartTime",
           m.i_am_alive_time AS "IAmAliveTime"
      FROM orleans_membership_version AS v
      LEFT JOIN orleans_membership AS m
        ON m.deployment_id = v.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId;
$q$),

-- Every member plus the table version, read in one statement so rows and version agree.
('MembershipReadAllKey', $q$
    SELECT v.version         AS "Version",
           m.address         AS "Address",
           m.port            AS "Port",
           m.generation      AS "Generation",
           m.silo_name       AS "SiloName",
           m.host_name       AS "HostName",
           m.status          AS "Status",
           m.proxy_port      AS "ProxyPort",
           m.suspect_times   AS "SuspectTimes",
           m.start_time      AS "StartTime",
           m.i_am_alive_time AS "IAmAliveTime"
      FROM orleans_membership_version AS v
      LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
    SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName,
                                     @HostName, @Status, @ProxyPort, @StartTime,
                                     @IAmAliveTime, @Version);
$q$),

('UpdateMembershipKey', $q$
    SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
                                     @SuspectTimes, @IAmAliveTime, @Version);
$q$),

-- The heartbeat. Deliberately does not bump the table version (liveness is not a membership
-- change), and never moves the time backwards if heartbeats arrive out of order.
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership
       SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
     WHERE deployment_id = @DeploymentId
       AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- Forget a whole cluster (tests and tooling); the members go with the version row.
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Prune dead silos whose last sign of life is older than the cut-off the cleanup agent
-- computed (@IAmAliveTime). One statement, so the rule is applied atomically. (10.4.2 also
-- knows an optional per-row 'CleanupDefunctSiloEntryKey'; we do not install it, so the provider
-- uses this one.) Removing dead rows is not a membership change: no version bump.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId
       AND status = 6
       AND orleans_membership_last_activity(start_time, i_am_alive_time, suspect_times) < @IAmAliveTime;
$q$);
