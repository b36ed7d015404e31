import ProjectModel

/// Every `migration/` rule; each has its catalog entry in `rules/migration/`.
public let allMigrationRules: [any ProjectRule] = [
    JournalMismatch(),
    OutOfOrder(),
    SnapshotChainBroken(),
    EditedAfterMerge(),
    SQLSyntaxErrorRule(),
    SchemaDrift(),
    NotNullWithoutDefault(),
    UnsafeIndexCreation(),
    UnsafeForeignKey(),
    DestructiveChange(),
    StageMixing(),
    ConcurrentlyInTransaction(),
    TableRewrite(),
    SetNotNullScan(),
    ConstraintWithoutNotValid(),
    UniqueConstraintBlocks(),
    DropIndexBlocks(),
    IdentifierTooLong(),
    EnumValueUsedInSameTransaction(),
    MissingLockTimeout(),
    LockHeldAcrossStatements(),
    PrismaMigrationName(),
    // Supabase row-level security (`rules/rls/`), on the RLS state replayed from Supabase migration folders.
    RLSDisabledInExposedSchema(),
    RLSPolicyWithoutRLS(),
    RLSEnabledWithoutPolicy(),
    RLSAlwaysTrue(),
    RLSAuthCallPerRow(),
    RLSSecurityDefinerSearchPath(),
]
