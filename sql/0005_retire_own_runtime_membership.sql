-- CineSync's own actor runtime is retired: Orleans keeps cluster membership in orleans_membership
-- and orleans_membership_version (0002). The runtime's membership tables held only live-silo
-- rows, nothing a later start needs, so they go.
--
-- grain_state stays for now: a silo that starts moves each user's taste state from it into
-- orleans_storage through the Orleans storage provider (LegacyTasteStateCarryOver) and deletes
-- the row it moved. A later migration can drop it once every installation has started once.

DROP TABLE cluster_members;
DROP TABLE cluster_versions;
