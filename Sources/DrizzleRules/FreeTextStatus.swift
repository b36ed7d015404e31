import Catalog
import Core
import Drizzle
import ProjectModel

/// `schema/free-text-status`: a status kept as free text accepts any string: typos (`canceled` next to
/// `cancelled`) and retired states pile up, and queries filtering on one spelling miss the others.
public struct FreeTextStatus: ProjectRule {
    public let id = "schema/free-text-status"
    public let facets: Facets = [.catalog, .drizzleExtras]
    public init() {}

    /// `status` anywhere at the end (`payment_status`); `state` only alone, since `session_state` and OAuth `state`
    /// columns hold opaque tokens.
    static let statusWords: Set<String> = ["status"]
    /// Columns that make `state` a place (`city`, `state`, `country`) rather than a lifecycle stage.
    static let addressWords: Set<String> = ["city", "country", "zip", "postal", "postcode", "address", "province", "region"]

    /// Auth tables: their free-text `state` columns hold tokens, not lifecycle stages.
    static let authWords: Set<String> = ["oauth", "auth", "session", "sessions", "verification", "verifications"]

    public func check(_ project: Project, _ context: RuleContext) {
        var reporter = LocatedReporter(context)
        for table in project.drizzleTables {
            let freeText = table.columns.indices.filter { table.columns[$0].isFreeText }
            guard !freeText.isEmpty else { continue }
            // Each column's words split once: every test below reads them, for every column of the table.
            let words = table.columns.map(\.nameWords)
            let candidates = freeText.filter { Self.isStatusLike(words[$0]) }
            guard !candidates.isEmpty else { continue }
            let isAddress = words.contains { lists in lists.contains { $0.contains(where: Self.addressWords.contains) } }
            let isAuth = NameWords.split(table.name).contains(where: Self.authWords.contains)
            for index in candidates {
                let column = table.columns[index]
                if isAddress || isAuth, !Self.ends(words[index], with: Self.statusWords) { continue }
                guard !table.checkConstraints.contains(where: { sqlMentions($0.value, column: column.name) }) else { continue }
                // A column on its way out (`deprecatedSyncStatus`, `/** @deprecated */`): constraining it is wasted work.
                if words[index].contains(where: { $0.first == "deprecated" })
                    || project.columnComments.text(at: column.location)?.contains("@deprecated") == true { continue }
                reporter.report(
                    at: column.typeLocation,
                    message: "column \(column.displayName) is free text, so any string is a valid \(Self.ends(words[index], with: ["state"]) ? "state" : "status")",
                    help: table.help(
                        drizzle: "use a `pgEnum` with the allowed values, or add a `check()` constraint listing them",
                        prisma: "declare an `enum` with the allowed values and use it as the field's type"))
            }
        }
    }

    /// `status`, `*_status`, or a column named just `state` (`words`: a column's `nameWords`).
    static func isStatusLike(_ words: [[String]]) -> Bool {
        ends(words, with: statusWords) || words.contains { $0 == ["state"] }
    }

    /// `DeclaredColumn.nameEnds(with:)` on words already split.
    static func ends(_ words: [[String]], with last: Set<String>) -> Bool {
        words.contains { $0.last.map(last.contains) ?? false }
    }
}
