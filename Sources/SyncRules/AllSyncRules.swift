import ProjectModel

/// Every `sync/` rule (PostgreSQL rows mirrored in Gists, from the `sync` mapping); the registry collects this list.
public let allSyncRules: [any ProjectRule] = [
    TypeMismatch(),
    UnknownColumn(),
    KeyFormat(),
    StaleValue(),
]
