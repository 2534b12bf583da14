-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2, AdoNetGrainStorage) on
-- PostgreSQL. Like 0002, the provider ships no SQL: it loads WriteToStorageKey,
-- ReadFromStorageKey, ClearStorageKey and DeleteStorageKey from orleansquery (created in 0002)
-- and binds its own named parameters; result columns are read by name.
--
-- WHICH ROW BELONGS TO WHICH GRAIN (checked against 10.4.2 by writing state and reading rows)
--
-- A row is keyed by (service_id, grain_type_string, grain_id_n0, grain_id_n1,
-- grain_id_extension_string). What Orleans passes for them:
--   service_id                 ClusterOptions.ServiceId of the silo.
--   grain_type_string          NOT the grain type: the STATE NAME. Orleans 7+ hands the storage
--                              provider the state's name where the API says "grainType"
--                              ([PersistentState("name", "Default")]; a Grain<TState> always
--                              uses "state"). The grain type ("user-taste") reaches this table
--                              nowhere, so two grain types with the same key and state name
--                              share a row (Orleans #8746): state names must be unique per grain
--                              type. CineSync names each state after its grain type, e.g.
--                              [PersistentState("user-taste", "Default")] on UserTasteGrain.
--   grain_id_n0, grain_id_n1   integer key k: n0 = 0, n1 = k.
--                              Guid key: the Guid's 16 bytes (Guid.ToByteArray) as two
--                              little-endian int64s, n0 = bytes 0..7, n1 = bytes 8..15.
--                              String key: n0 = n1 = 0.
--   grain_id_extension_string  integer/Guid key: the key extension, NULL when there is none.
--                              String key: the whole key.
-- The provider also sends @GrainIdHash and @GrainTypeHash (32-bit hashes of the key and of the
-- state name) as an index aid for databases that cannot index the key itself; we index the key
-- and ignore the hashes, so the hash function (and Orleans 3 compatibility) does not matter.
--
-- So UserTasteGrain (GrainId 'user-taste/75BCD15': integer key = Discord user id 123456789,
-- state "user-taste", service id "cinesync") is the row
--     service_id 'cinesync', grain_type_string 'user-taste', grain_id_n0 0,
--     grain_id_n1 123456789, grain_id_extension_string NULL, version 2,
--     payload_binary = '{"Ratings":{"318":4.5,"858":5.0},"UpdatedAt":"2026-12-03T10:00:00Z"}'
-- and "delete my data" removes it, in the transaction that deletes the user's ratings, with
--     DELETE FROM orleans_storage
--      WHERE service_id = 'cinesync' AND grain_type_string = 'user-taste'
--        AND grain_id_n0 = 0 AND grain_id_n1 = @user_id AND grain_id_extension_string IS NULL;
-- An activation still in memory keeps serving its copy until it is deactivated, but cannot
-- write the row back: its ETag names a row that is gone, so its next write fails with
-- InconsistentStateException (and Orleans deactivates it). Deactivate the grain, or clear its
-- state in memory, as part of the deletion.
--
-- VERSIONS (the ETag)
-- version is an int32 the provider turns into the ETag string. Every successful write, clear
-- and delete answers with a version different from the one the grain sent; an answer equal to
-- it, or NULL, or no row, is what the provider reports as InconsistentStateException. A grain
-- without an ETag has never seen a row, so its write only succeeds if there still is none.

CREATE TABLE orleans_storage (
    service_id                 text        NOT NULL,
    grain_type_string          text        NOT NULL,  -- the state name, see above
    grain_id_n0                bigint      NOT NULL,
    grain_id_n1                bigint      NOT NULL,
    grain_id_extension_string  text,                  -- NULL and '' are different keys
    payload_binary             bytea,                 -- the serializer's bytes (UTF-8 JSON with
                                                      -- System.Text.Json); NULL once cleared
                                                      -- without DeleteStateOnClear
    version                    integer     NOT NULL,
    modified_at                timestamptz NOT NULL DEFAULT now(),
    -- NULLS NOT DISTINCT (PostgreSQL 15): at most one row per grain even when the extension is
    -- NULL, and the ON CONFLICT target of the first write.
    CONSTRAINT orleans_storage_key
        UNIQUE NULLS NOT DISTINCT (service_id, grain_type_string, grain_id_n0, grain_id_n1,
                                   grain_id_extension_string)
);

-- With System.Text.Json the payload is readable from SQL, e.g. for a data export:
--     SELECT convert_from(payload_binary, 'UTF8')::jsonb FROM orleans_storage WHERE ...;

-- The queries ------------------------------------------------------------------------------
-- Plain statements, no functions: each is planned with the parameter values it gets, so the key
-- predicate "ext = @x OR (@x IS NULL AND ext IS NULL)" folds to "ext = 'value'" or "ext IS NULL"
-- and is answered from orleans_storage_key. ("IS NOT DISTINCT FROM" would say the same but
-- cannot use an index.)

INSERT INTO orleansquery (querykey, querytext) VALUES

-- The first write (no ETag yet) inserts, and only if there is still no row; a later write
-- updates the version it read. Exactly one of the two can apply, so the answer is one row with
-- the new version, or no row when another writer got there first (or deleted the row).
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleans_storage
           SET payload_binary = @PayloadBinary,
               version        = version + 1,
               modified_at    = now()
         WHERE service_id = @ServiceId
           AND grain_type_string = @GrainTypeString
           AND grain_id_n0 = @GrainIdN0
           AND grain_id_n1 = @GrainIdN1
           AND (grain_id_extension_string = @GrainIdExtensionString
                OR (@GrainIdExtensionString IS NULL AND grain_id_extension_string IS NULL))
           AND version = @GrainStateVersion          -- no ETag: matches nothing
        RETURNING version
    ), inserted AS (
        INSERT INTO orleans_storage
            (service_id, grain_type_string, grain_id_n0, grain_id_n1, grain_id_extension_string,
             payload_binary, version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
               @PayloadBinary, 1
         WHERE @GrainStateVersion IS NULL
        ON CONFLICT ON CONSTRAINT orleans_storage_key DO NOTHING
        RETURNING version
    )
    SELECT version AS "NewGrainStateVersion" FROM updated
    UNION ALL
    SELECT version FROM inserted;
$q$),

-- No row: the grain starts from a new state and no ETag. A row with a NULL payload (cleared
-- without delete) gives the grain a new state but keeps the version as its ETag.
('ReadFromStorageKey', $q$
    SELECT payload_binary AS "PayloadBinary",
           version        AS "Version"
      FROM orleans_storage
     WHERE service_id = @ServiceId
       AND grain_type_string = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND (grain_id_extension_string = @GrainIdExtensionString
            OR (@GrainIdExtensionString IS NULL AND grain_id_extension_string IS NULL));
$q$),

-- ClearStateAsync with DeleteStateOnClear = false: keep the row, drop the payload, bump the
-- version. The provider reads the new version from the first column.
('ClearStorageKey', $q$
    UPDATE orleans_storage
       SET payload_binary = NULL,
           version        = version + 1,
           modified_at    = now()
     WHERE service_id = @ServiceId
       AND grain_type_string = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND (grain_id_extension_string = @GrainIdExtensionString
            OR (@GrainIdExtensionString IS NULL AND grain_id_extension_string IS NULL))
       AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion";
$q$),

-- ClearStateAsync with DeleteStateOnClear = true (CineSync's setting): the row goes, so nothing
-- about the user stays behind. Answers as if the delete were one more write (version + 1), so
-- the provider sees a changed version; no row back means the ETag was stale.
('DeleteStorageKey', $q$
    DELETE FROM orleans_storage
     WHERE service_id = @ServiceId
       AND grain_type_string = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND (grain_id_extension_string = @GrainIdExtensionString
            OR (@GrainIdExtensionString IS NULL AND grain_id_extension_string IS NULL))
       AND version = @GrainStateVersion
    RETURNING version + 1 AS "NewGrainStateVersion";
$q$);
