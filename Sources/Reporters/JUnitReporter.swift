import Core

/// JUnit XML for CI test-report views (GitLab, Jenkins…): one `<testsuite>` per file read, one `<testcase>` per
/// rule that ran on it, one `<failure>` per finding.
///
/// The engine runs every active rule over the whole project, so each file's suite lists every rule that ran.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: Report, _ context: RenderContext) -> String {
        let byFile = Dictionary(grouping: report.findings, by: \.finding.path)
        let paths = Set(report.files).union(byFile.keys).sorted()
        let rules = report.rulesRun
        var suites = ""
        var testCount = 0
        for path in paths {
            let findings = byFile[path] ?? []
            let byRule = Dictionary(grouping: findings, by: \.finding.ruleID)
            let ruleIDs = Set(rules).union(byRule.keys).sorted()
            let display = DisplayText.escaped(context.displayPath(path))
            testCount += ruleIDs.count
            suites += "  <testsuite name=\"\(Self.escape(display))\" tests=\"\(ruleIDs.count)\" failures=\"\(findings.count)\" errors=\"0\" skipped=\"0\">\n"
            for ruleID in ruleIDs {
                let failures = byRule[ruleID] ?? []
                let opening = "    <testcase name=\"\(Self.escape(ruleID))\" classname=\"\(Self.escape(display))\""
                guard !failures.isEmpty else {
                    suites += opening + "/>\n"
                    continue
                }
                suites += opening + ">\n"
                for located in failures { suites += failure(located, display: display) }
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        let seconds = String(format3(report.duration))
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"schemalint\" tests=\"\(testCount)\" failures=\"\(report.findings.count)\" errors=\"0\" time=\"\(seconds)\">\n"
            + suites
            + "</testsuites>\n"
    }

    private func failure(_ located: LocatedFinding, display: String) -> String {
        let finding = located.finding
        let location = "\(display):\(located.start.line):\(located.start.column)"
        let message = DisplayText.escaped(finding.message)
        var body = "\(location): \(finding.severity.rawValue)[\(finding.ruleID)]: \(message)"
        if !located.sourceLine.isEmpty {
            let line = DisplayText.escaped(located.sourceLine)
            body += "\n  \(located.sourceLineColumn > 1 ? "…" : "")\(line)\(located.sourceLineIsCut ? "…" : "")"
        }
        if !finding.help.isEmpty { body += "\nhelp: \(DisplayText.escaped(finding.help))" }
        return "      <failure message=\"\(Self.escape(message))\" type=\"\(finding.severity.rawValue)\">"
            + Self.escape(body, attribute: false) + "</failure>\n"
    }

    /// Seconds with three decimals, without Foundation's locale-dependent formatting.
    private func format3(_ seconds: Double) -> String {
        let millis = Int((max(seconds, 0) * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// XML 1.0 escaping. Characters XML cannot hold at all (most C0 controls) become U+FFFD; in attributes, line
    /// breaks and tabs are written as character references so parsers keep them.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "\n" where attribute: output += "&#10;"
            case "\r": output += "&#13;"
            case "\t" where attribute: output += "&#9;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
