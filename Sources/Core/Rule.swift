/// What every rule has in common; each domain (Drizzle, migrations, Gists) adds its `check` over its model.
public protocol Rule: Sendable {
    /// `<domain>/<name>`: the key of the rule's catalog entry `rules/<domain>/<name>.yml`.
    var id: String { get }
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
