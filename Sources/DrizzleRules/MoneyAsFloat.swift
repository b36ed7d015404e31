import Catalog
import Core
import Drizzle
import ProjectModel

/// `schema/money-as-float`: `real` and `double precision` are binary floating point: `0.1 + 0.2` is not `0.3`,
/// and sums of amounts drift by fractions of a cent.
public struct MoneyAsFloat: ProjectRule {
    public let id = "schema/money-as-float"
    public let facets: Facets = [.catalog]
    public init() {}

    /// Words that make a column an amount of money wherever they appear in its name.
    static let moneyWords: Set<String> = [
        "amount", "price", "cost", "balance", "fee", "fees", "tax", "cents", "revenue", "salary", "payment",
        "payout", "refund", "subtotal", "mrr", "arr", "spend", "spent", "charge", "budget", "wage", "earnings",
    ]
    /// Words that name an amount only as the last word (`total`, `grand_total`, but not `totalTokens`).
    static let trailingMoneyWords: Set<String> = ["total", "credit", "debit", "discount", "tip", "income", "paid"]
    /// Words that make a money-sounding name a ratio or a count instead (`taxRate`, `feePercent`, `costCount`).
    static let notMoneyWords: Set<String> = [
        "rate", "ratio", "percent", "percentage", "pct", "count", "score", "weight", "factor", "multiplier", "tokens",
    ]

    public func check(_ project: Project, _ context: RuleContext) {
        let extraNames = Set(context.options.strings("names"))
        var reporter = LocatedReporter(context)
        for table in project.drizzleTables {
            let isMoneyTable = Self.isMoneyTable(table)
            for column in table.columns
            where column.isFloatingPoint && (isMoneyLike(column, extraNames) || isMoneyTable && column.nameWords.contains(["value"])) {
                reporter.report(
                    at: column.typeLocation,
                    message: "column \(column.displayName) holds money but is `\(column.type)`, a binary floating-point type that rounds amounts",
                    help: table.help(
                        drizzle: "use `numeric('\(column.name)', { precision: 12, scale: 2 })`, or an `integer` of the smallest currency unit (cents)",
                        prisma: "use `Decimal @db.Decimal(12, 2)`, or an `Int` of the smallest currency unit (cents)"))
            }
        }
    }

    /// A table named for an amount (`account_balance`, `prices`, `Payment`): its bare `value` column is that
    /// amount (ghostfolio's `AccountBalance.value`).
    static func isMoneyTable(_ table: DeclaredTable) -> Bool {
        let words = NameWords.split(table.name).map { $0.hasSuffix("s") && $0.count > 3 ? String($0.dropLast()) : $0 }
        return !words.contains(where: notMoneyWords.contains) && words.contains(where: moneyWords.contains)
    }

    func isMoneyLike(_ column: DeclaredColumn, _ extraNames: Set<String>) -> Bool {
        if extraNames.contains(column.name) || column.key.map(extraNames.contains) == true { return true }
        return column.nameWords.contains { words in
            guard !words.contains(where: Self.notMoneyWords.contains) else { return false }
            return words.contains(where: Self.moneyWords.contains) || words.last.map(Self.trailingMoneyWords.contains) == true
        }
    }
}
