import Core

/// `database:` in `.schemalint.yml`: the server `schemalint replay` creates its databases on.
public enum DatabaseSection: ConfigurationSection {
    public static let name = "database"
    public static let keys = ["url"]
    public static let defaultValue: String? = nil

    /// `env:NAME` is resolved when replay runs, so no secret sits in the file.
    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> String? {
        try node.fields(of: Self.self)["url"]?.string()
    }
}

extension Configuration {
    /// `database.url` (`env:NAME` reads a variable).
    public var databaseURL: String? {
        get { self[DatabaseSection.self] }
        set { self[DatabaseSection.self] = newValue }
    }
}
