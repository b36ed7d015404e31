/// What a rule found: a byte range in one file, with a message that says what is wrong and a help text that
/// says what to do. Lines and columns are computed only when a report is rendered.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var path: String
    public var range: Range<Int>
    public var message: String
    public var help: String
    /// Other files the finding depends on (cross-file rules), so `--changed-only` can keep it when any changed.
    public var relatedPaths: [String]
    /// Machine-applicable ways to resolve the finding (`check --fix`, editor code actions); often none.
    public var fixes: [Fix]

    public init(
        ruleID: String, severity: Severity, path: String, range: Range<Int>,
        message: String, help: String, relatedPaths: [String] = [], fixes: [Fix] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.path = path
        self.range = range
        self.message = message
        self.help = help
        self.relatedPaths = relatedPaths
        self.fixes = fixes
    }
}

/// A finding with its resolved start and end positions, ready for a reporter.
public struct LocatedFinding: Sendable, Hashable {
    public var finding: Finding
    public var start: SourcePosition
    public var end: SourcePosition
    /// Stable identity across unrelated line moves: rule, path and a hash of the located text.
    public var fingerprint: String
    /// The source line of `start` for renderers that show it: a window of it (`CodeFrame`), secrets masked.
    public var sourceLine: String
    /// Column of `sourceLine`'s first character in its line (1 when the window starts at the line start).
    public var sourceLineColumn: Int
    /// The line goes on after `sourceLine`.
    public var sourceLineIsCut: Bool
    /// `finding.fixes` with their edits located.
    public var fixes: [LocatedFix] = []

    public init(finding: Finding, start: SourcePosition, end: SourcePosition, fingerprint: String, sourceLine: String,
                sourceLineColumn: Int = 1, sourceLineIsCut: Bool = false) {
        self.finding = finding
        self.start = start
        self.end = end
        self.fingerprint = fingerprint
        self.sourceLine = sourceLine
        self.sourceLineColumn = sourceLineColumn
        self.sourceLineIsCut = sourceLineIsCut
    }
}
