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
]
