import Core

/// `migrations:` in `.schemalint.yml`: the folder when discovery is not enough, where applied migrations end, and
/// how they are applied.
public enum MigrationsSection: ConfigurationSection {
    public static let name = "migrations"
    public static let keys = ["folder", "since", "runner"]
    public static let defaultValue = Settings()

    public struct Settings: Sendable {
        public var folder: String?
        /// A migration name or a git ref; migrations up to it (or in its tree) are taken as applied instead of the
        /// boundary found from git (SPEC §9).
        public var since: String?
        /// How the migrations are applied, when not by the folder's own tool (drizzle-kit).
        public var runner: MigrationRunnerSetting?
    }

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> Settings {
        let keys = try node.fields(of: Self.self)
        var settings = Settings()
        settings.folder = try keys["folder"]?.string()
        settings.since = try keys["since"]?.string()
        if let runner = keys["runner"] {
            let value = try runner.string()
            guard let setting = MigrationRunnerSetting(rawValue: value) else {
                let choices = MigrationRunnerSetting.allCases.map(\.rawValue)
                throw runner.error("invalid `runner` `\(value)`; valid: \(choices.joined(separator: ", "))")
            }
            settings.runner = setting
        }
        return settings
    }
}

/// `migrations.runner` values.
public enum MigrationRunnerSetting: String, Sendable, CaseIterable {
    /// drizzle-orm's migrator (`drizzle-kit migrate`, `migrate()`): every pending migration in one transaction.
    case drizzleKit = "drizzle-kit"
    /// Each migration file in a transaction of its own.
    case perFileTransaction = "per-file-transaction"
    /// No transaction: each statement commits on its own (`psql -f` without `--single-transaction`).
    case none
}

extension Configuration {
    public var migrationsFolder: String? {
        get { self[MigrationsSection.self].folder }
        set { self[MigrationsSection.self].folder = newValue }
    }

    /// `migrations.since`: a migration name or a git ref (SPEC §9).
    public var migrationsSince: String? {
        get { self[MigrationsSection.self].since }
        set { self[MigrationsSection.self].since = newValue }
    }

    /// `migrations.runner`: how the migrations are applied, when not by the folder's own tool.
    public var migrationRunner: MigrationRunnerSetting? {
        get { self[MigrationsSection.self].runner }
        set { self[MigrationsSection.self].runner = newValue }
    }
}
