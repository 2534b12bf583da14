-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2, AdoNetReminderTable) on
-- PostgreSQL. As in 0002/0003 the provider ships no SQL: it loads every row of orleansquery
-- (created in 0002) and requires ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key,
-- ReadRangeRows2Key, UpsertReminderRowKey, DeleteReminderRowKey and DeleteReminderRowsKey.
--
-- A reminder is keyed by (service id, grain id, reminder name). The grain id is Orleans'
-- GrainId.ToString(), "<grain type>/<key>", parsed back with GrainId.Parse. Unlike the storage
-- table (0003), the grain type is in it. An integer key is written in upper-case hex, so
-- UserTasteGrain ([GrainType("user-taste")]) 123456789 is 'user-taste/75BCD15' and "delete my
-- data" matches it with grain_id = 'user-taste/' || upper(to_hex(user_id)).
-- Each silo owns a range of the hash ring and reads the reminders whose grain_hash falls in it.

CREATE TABLE orleans_reminders (
    service_id     text        NOT NULL,   -- ClusterOptions.ServiceId
    grain_id       text        NOT NULL,
    reminder_name  text        NOT NULL,
    start_time     timestamptz NOT NULL,   -- first tick (UTC); see 0002 on timestamptz
    period         bigint      NOT NULL,   -- milliseconds; the provider sends int or bigint
    grain_hash     integer     NOT NULL,   -- GrainId.GetUniformHashCode(), a uint stored as int4
    version        integer     NOT NULL,   -- the ETag, bumped by every upsert
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- The range reads each silo runs when the ring changes and on its refresh period.
CREATE INDEX orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- A grain's reminders (GetReminders).
('ReadReminderRowsKey', $q$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),

-- One reminder (GetReminder); no row: no such reminder.
('ReadReminderRowKey', $q$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),

-- A ring range is (begin, end]. The provider passes the uint hashes cast to int and picks this
-- query when begin < end in that signed order...
('ReadRangeRows1Key', $q$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminders
     WHERE service_id = @ServiceId
       AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),

-- ...and this one when the range wraps around (begin >= end; begin = end is the whole ring,
-- as for a single silo).
('ReadRangeRows2Key', $q$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminders
     WHERE service_id = @ServiceId
       AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

-- RegisterOrUpdateReminder: last writer wins, no ETag check; answers the new version.
('UpsertReminderRowKey', $q$
    INSERT INTO orleans_reminders
        (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
       SET start_time = excluded.start_time,
           period     = excluded.period,
           grain_hash = excluded.grain_hash,
           version    = orleans_reminders.version + 1
    RETURNING version AS "Version";
$q$),

-- UnregisterReminder: only the version the caller holds may be deleted. The provider expects
-- one row, one boolean column.
('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM orleans_reminders
         WHERE service_id = @ServiceId AND grain_id = @GrainId
           AND reminder_name = @ReminderName AND version = @Version
        RETURNING 1
    )
    SELECT count(*) = 1 FROM deleted;
$q$),

-- Every reminder of the service (used by tests).
('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
$q$);
