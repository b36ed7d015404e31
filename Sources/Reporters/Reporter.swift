import Core

/// Renders a report; one type per format, one file each. Reporters never decide what is a finding.
public protocol Reporter {
    func render(_ report: Report, _ context: RenderContext) -> String
    /// The rendering as UTF-8, what is written out. A reporter that builds bytes returns them as they are: turning a
    /// report of hundreds of findings into a `String` and back cost as much as serialising it.
    func renderBytes(_ report: Report, _ context: RenderContext) -> [UInt8]
}

extension Reporter {
    public func renderBytes(_ report: Report, _ context: RenderContext) -> [UInt8] { Array(render(report, context).utf8) }
}

/// What every reporter may need besides the report.
public struct RenderContext: Sendable {
    public var toolVersion: String
    public var catalog: RuleCatalog
    /// Prepended to every finding's path so that it is relative to the repository root (e.g. `examples/clean/`).
    public var pathPrefix: String
    public var useColor: Bool
    /// Where rule pages are published (`SCHEMALINT_DOCS_URL`); none by default.
    public var ruleLinks: RuleLinks

    public init(toolVersion: String, catalog: RuleCatalog, pathPrefix: String = "", useColor: Bool = false,
                ruleLinks: RuleLinks = RuleLinks(base: nil)) {
        self.toolVersion = toolVersion
        self.catalog = catalog
        self.pathPrefix = pathPrefix
        self.useColor = useColor
        self.ruleLinks = ruleLinks
    }

    public func displayPath(_ path: String) -> String { pathPrefix + path }
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit

    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        }
    }
}
