/// What every rule has in common; each domain (Drizzle, migrations, Gists) adds its `check` over its model.
public protocol Rule: Sendable {
    /// `<domain>/<name>`: the key of the rule's catalog entry `rules/<domain>/<name>.yml`.
    var id: String { get }
    /// The parts of the project the rule reads. A rule's findings depend on these alone (a test empties the others
    /// and compares), so an editor that changed one file re-runs only the rules reading what that file feeds.
    var facets: Facets { get }
}

/// The parts of a project that readers make from different inputs, which rules declare they read (`Rule.facets`).
public struct Facets: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The schema catalog the ORM readers made (Drizzle TypeScript, Prisma): tables, columns, constraints, indexes,
    /// and what the readers could not read (`Project.schemas`).
    public static let catalog = Facets(rawValue: 1 << 0)
    /// Facts found in Drizzle code beside the catalog: comments at columns, and the columns application code sets
    /// when it updates a table (`Project.columnComments`, `Project.tableUpdates`).
    public static let drizzleExtras = Facets(rawValue: 1 << 1)
    /// Migration folders (journals, SQL, snapshots) and what they add to the schema (`Project.migrations`,
    /// `baseMigrations`, `migrationEffects`).
    public static let migrations = Facets(rawValue: 1 << 2)
    /// Gist data and schema files (`Project.gists`).
    public static let gists = Facets(rawValue: 1 << 3)
    /// The columns query code filters and sorts on (`Project.queryUsage`).
    public static let queries = Facets(rawValue: 1 << 4)
    /// `.schemalint.yml` beyond the rule's own options (`Project.configuration`: the `sync` map, `drizzle.queries`).
    public static let configuration = Facets(rawValue: 1 << 5)

    public static let all: Facets = [.catalog, .drizzleExtras, .migrations, .gists, .queries, .configuration]

    public static let names: [(Facets, String)] = [
        (.catalog, "catalog"), (.drizzleExtras, "drizzle-extras"), (.migrations, "migrations"), (.gists, "gists"),
        (.queries, "queries"), (.configuration, "configuration"),
    ]

    public var description: String { Self.names.filter { contains($0.0) }.map(\.1).joined(separator: ", ") }
}

/// Handed to a rule for one run: its settings, and where its findings go.
/// One context per rule run, never shared between threads.
public final class RuleContext {
    public let ruleID: String
    public let severity: Severity
    public let options: RuleOptions
    public private(set) var findings: [Finding] = []

    public init(ruleID: String, severity: Severity, options: RuleOptions) {
        self.ruleID = ruleID
        self.severity = severity
        self.options = options
    }

    /// Records a finding. `severity` lowers this finding below the configured level (e.g. a size warning below
    /// the error threshold); it never raises it.
    public func report(
        path: String, range: Range<Int>, message: String, help: String,
        severity: Severity? = nil, relatedPaths: [String] = [], fixes: [Fix] = []
    ) {
        findings.append(Finding(
            ruleID: ruleID, severity: min(self.severity, severity ?? self.severity), path: path, range: range,
            message: message, help: help, relatedPaths: relatedPaths, fixes: fixes))
    }
}
