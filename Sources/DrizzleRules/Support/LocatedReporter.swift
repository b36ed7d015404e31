import Catalog
import Core
import Drizzle

/// Reports findings at model locations, each span once: a column declared in a shared helper (a spread
/// `timestamps` object) belongs to several tables but is one place to fix. Locations without a file are skipped.
struct LocatedReporter {
    let context: RuleContext
    private var reported: Set<SourceLocation> = []

    init(_ context: RuleContext) {
        self.context = context
    }

    mutating func report(at location: SourceLocation, message: String, help: String, severity: Severity? = nil,
                         fixes: [Fix] = []) {
        guard !location.path.isEmpty, reported.insert(location).inserted else { return }
        context.report(path: location.path, range: location.range, message: message, help: help, severity: severity,
                       fixes: fixes)
    }
}
