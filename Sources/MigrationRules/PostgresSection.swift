import Core

/// `postgres:` in `.schemalint.yml`: the major version migrations run on; it selects rows of the lock model.
public enum PostgresSection: ConfigurationSection {
    public static let name = "postgres"
    public static let keys = ["version"]
    public static let defaultValue = Configuration.defaultPostgresVersion

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> Int {
        guard let version = try node.fields(of: Self.self)["version"] else { return defaultValue }
        let text = try version.string()
        let range = Configuration.postgresVersions
        guard let number = Int(text), range.contains(number) else {
            throw version.error("invalid `version` `\(text)`; valid: a PostgreSQL major version from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

extension Configuration {
    public static let defaultPostgresVersion = 15
    /// Major versions the lock model knows (10 is the oldest whose behaviour it records).
    public static let postgresVersions = 10...18

    /// `postgres.version`.
    public var postgresVersion: Int {
        get { self[PostgresSection.self] }
        set { self[PostgresSection.self] = newValue }
    }
}
