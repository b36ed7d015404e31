/// Applies suppression comments to findings and reports the comments that suppressed nothing.
public struct SuppressionFilter {
    public struct Outcome: Sendable {
        public var kept: [Finding]
        public var suppressedCount: Int
        /// `schemalint/unused-suppression` findings (before their own severity is applied).
        public var unused: [Finding]
    }

    /// Directives by repository-relative path, with the files they were read from.
    public var directives: [String: [SuppressionDirective]]
    public var files: [String: SourceFile]
    public var knownRuleIDs: Set<String>
    /// Former rule ids → current ids (`drizzle/money-as-float` → `schema/money-as-float`): a comment written with
    /// the former id keeps suppressing the rule.
    public var aliases: [String: String]

    public init(directives: [String: [SuppressionDirective]], files: [String: SourceFile], knownRuleIDs: Set<String>,
                aliases: [String: String] = [:]) {
        self.directives = directives
        self.files = files
        self.knownRuleIDs = knownRuleIDs
        self.aliases = aliases
    }

    public func apply(to findings: [Finding], unusedSeverity: Severity) -> Outcome {
        var used = Set<UsageKey>()
        var kept: [Finding] = []
        var suppressed = 0
        for finding in findings {
            if let key = suppressor(of: finding) {
                used.insert(key)
                suppressed += 1
            } else {
                kept.append(finding)
            }
        }
        var unused: [Finding] = []
        for (path, list) in directives.sorted(by: { $0.key < $1.key }) {
            for (index, directive) in list.enumerated() where directive.scope != .regionEnd {
                let ids = directive.ruleIDs.isEmpty ? [""] : directive.ruleIDs
                for id in ids where !used.contains(UsageKey(path: path, directive: index, rule: id)) {
                    let message: String
                    if !id.isEmpty, !knownRuleIDs.contains(id), aliases[id] == nil {
                        message = "suppression names unknown rule `\(id)`"
                    } else {
                        message = id.isEmpty ? "suppression comment matches no finding" : "suppression of `\(id)` matches no finding"
                    }
                    unused.append(Finding(
                        ruleID: UnusedSuppression.id, severity: unusedSeverity, path: path, range: directive.range,
                        message: message, help: "remove the comment, or correct the rule id it names"))
                }
            }
        }
        return Outcome(kept: kept, suppressedCount: suppressed, unused: unused)
    }

    private struct UsageKey: Hashable {
        var path: String
        var directive: Int
        var rule: String
    }

    /// The directive (and the rule id in it) that suppresses `finding`, if any.
    private func suppressor(of finding: Finding) -> UsageKey? {
        guard finding.ruleID != UnusedSuppression.id,
              let list = directives[finding.path], let file = files[finding.path] else { return nil }
        let line = file.lineIndex.lineNumber(of: finding.range.lowerBound)
        for (index, directive) in list.enumerated() {
            guard let rule = matchingRule(directive, finding.ruleID) else { continue }
            let applies: Bool
            switch directive.scope {
            case .file:
                applies = true
            case .nextLine:
                applies = file.lineIndex.lineNumber(of: max(directive.range.upperBound - 1, directive.range.lowerBound)) + 1 == line
            case .regionStart:
                let end = list[(index + 1)...].first { $0.scope == .regionEnd && closes($0, directive, rule) }?.range.lowerBound ?? Int.max
                applies = finding.range.lowerBound >= directive.range.upperBound && finding.range.lowerBound < end
            case .regionEnd:
                applies = false
            }
            if applies { return UsageKey(path: finding.path, directive: index, rule: rule) }
        }
        return nil
    }

    /// The id as the directive writes it (a former id included) that names `ruleID`; `""` for a directive
    /// without ids.
    private func matchingRule(_ directive: SuppressionDirective, _ ruleID: String) -> String? {
        if directive.ruleIDs.isEmpty { return "" }
        return directive.ruleIDs.first { current($0) == ruleID }
    }

    private func closes(_ end: SuppressionDirective, _ start: SuppressionDirective, _ rule: String) -> Bool {
        end.ruleIDs.isEmpty || rule.isEmpty || end.ruleIDs.contains { current($0) == current(rule) }
    }

    private func current(_ id: String) -> String { aliases[id] ?? id }
}
