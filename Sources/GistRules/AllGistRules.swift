import ProjectModel

/// Every `gist/` rule; the registry collects this list.
public let allGistRules: [any ProjectRule] = [
    InvalidJSON(),
    SizeLimit(),
    Secret(),
    SchemaViolation(),
    InvalidSchema(),
    SchemaLint(),
    MissingVersionMetadata(),
    UnboundedHistory(),
    BillingData(),
    PersonalData(),
]
