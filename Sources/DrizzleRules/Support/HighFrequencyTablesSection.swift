import Core

/// `highFrequencyTables:` in `.schemalint.yml`: globs over SQL table names of tables that take high-frequency
/// writes (the `schema/` rules about indexes and keys of such tables read it).
public enum HighFrequencyTablesSection: ConfigurationSection {
    public static let name = "highFrequencyTables"
    public static let keys: [String] = []
    public static let defaultValue = Configuration.defaultHighFrequencyTables

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> [String] {
        try node.globs()
    }
}

extension Configuration {
    public static let defaultHighFrequencyTables = ["*_events", "*_logs", "*_metrics", "usage_*", "audit_*"]

    public var highFrequencyTables: [String] {
        get { self[HighFrequencyTablesSection.self] }
        set { self[HighFrequencyTablesSection.self] = newValue }
    }
}
