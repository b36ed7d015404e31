/// `.schemalint.yml` as typed options (SPEC §2). Every key is optional; defaults describe discovery.
public struct Configuration: Sendable {
    /// Path of the config file that was read, repository-relative; nil when none was found.
    public var file: String?
    public var drizzleConfig: String?
    /// `drizzle.casing`: drizzle-kit's `casing` when the drizzle config computes it in a way that cannot be read
    /// statically (`snake_case` or `camelCase`).
    public var drizzleCasing: String?
    public var schema: [String]?
    public var queries: [String] = []
    public var migrationsFolder: String?
    /// `migrations.since`: a migration name or a git ref; migrations up to it (or in its tree) are taken as
    /// applied instead of the boundary found from git (SPEC §9).
    public var migrationsSince: String?
    /// `migrations.runner`: how the migrations are applied, when not by the folder's own tool (drizzle-kit).
    public var migrationRunner: MigrationRunnerSetting?
    /// `postgres.version`: the major version migrations run on; it selects rows of the lock model.
    public var postgresVersion: Int = Configuration.defaultPostgresVersion
    public var gistData: [String] = Configuration.defaultGistData
    public var gistSchemas: [String] = Configuration.defaultGistSchemas
    public var gistMap: [String: String] = [:]
    /// `sync`: PostgreSQL rows mirrored in Gists (the `sync/` rules).
    public var sync: [SyncMapping] = []
    public var highFrequencyTables: [String] = Configuration.defaultHighFrequencyTables
    public var rules: [String: RuleSetting] = [:]
    public var ignoredPaths: [String] = []
    public var ignoredFindings: [IgnoredFinding] = []
    public var baseline: String?
    /// `database.url`: the server `schemalint replay` creates its databases on (`env:NAME` reads a variable).
    public var databaseURL: String?

    public static let defaultPostgresVersion = 15
    /// Major versions the lock model knows (10 is the oldest whose behaviour it records).
    public static let postgresVersions = 10...18
    /// Gist folders anywhere in the repository: a check reads from the repository root (SPEC §1), so an
    /// app's `apps/web/gists/` is found from the root and from the app's folder alike.
    public static let defaultGistData = ["**/gists/**/*.json"]
    public static let defaultGistSchemas = ["**/gists/**/*.schema.json"]
    public static let defaultHighFrequencyTables = ["*_events", "*_logs", "*_metrics", "usage_*", "audit_*"]

    public init() {}
}

/// One `sync` entry: the values at `pointer` in a Gist (a data file, or every data file of a schema) mirror rows of
/// `table`, the last `*` of the pointer standing for the `key` column. Ranges are byte ranges in the config file.
public struct SyncMapping: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case data(String)
        case schema(String)
    }

    public var source: Source
    /// JSON pointer tokens; `*` matches every member (or element).
    public var pointer: [String]
    public var table: String
    /// The key column; nil means the table's primary key.
    public var key: String?
    public var sourceRange: Range<Int>
    public var tableRange: Range<Int>
    public var keyRange: Range<Int>?

    public init(source: Source, pointer: [String], table: String, key: String?, sourceRange: Range<Int>,
                tableRange: Range<Int>, keyRange: Range<Int>?) {
        self.source = source
        self.pointer = pointer
        self.table = table
        self.key = key
        self.sourceRange = sourceRange
        self.tableRange = tableRange
        self.keyRange = keyRange
    }

    public var path: String {
        switch source {
        case .data(let path), .schema(let path): path
        }
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

/// A rule's configured level and options.
public struct RuleSetting: Sendable {
    public var level: RuleLevel?
    public var options: [String: OptionValue]

    public init(level: RuleLevel?, options: [String: OptionValue]) {
        self.level = level
        self.options = options
    }
}

/// An `ignore` entry naming findings in a JSON file by rule and JSON pointer (JSON cannot hold comments).
public struct IgnoredFinding: Sendable, Hashable {
    public var rule: String?
    public var path: String
    public var pointer: String?
    /// Where the entry is written, to report it when it suppresses nothing.
    public var line: Int
    public var column: Int

    public init(rule: String?, path: String, pointer: String?, line: Int, column: Int) {
        self.rule = rule
        self.path = path
        self.pointer = pointer
        self.line = line
        self.column = column
    }
}

/// A configuration problem: exit 2, with the file, line and column of the YAML node.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
