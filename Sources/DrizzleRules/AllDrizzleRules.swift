import ProjectModel

/// Every `drizzle/` rule.
public let allDrizzleRules: [any ProjectRule] = [
    ParseError(),
    MissingPrimaryKey(),
    MissingForeignKey(),
    UnindexedForeignKey(),
    UnindexedHighFrequencyColumn(),
    DuplicateIndex(),
    MoneyAsFloat(),
    TimestampWithoutTimezone(),
    FreeTextStatus(),
    UpdatedAtNotMaintained(),
    PrismaParseError(),
]
