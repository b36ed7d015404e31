import Core

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding, then a summary.
public struct GitHubReporter: Reporter {
    /// GitHub shows at most this many annotations of each kind per step; the rest only appear in the log.
    public static let annotationsShownPerKind = 10

    public init() {}

    public func render(_ report: Report, _ context: RenderContext) -> String {
        var output = ""
        for located in report.findings {
            let finding = located.finding
            let properties = [
                ("file", DisplayText.escaped(context.displayPath(finding.path))),
                ("line", String(located.start.line)),
                ("col", String(located.start.column)),
                ("endLine", String(located.end.line)),
                ("endColumn", String(located.end.column)),
                ("title", finding.ruleID),
            ].map { "\($0)=\(Self.escapeProperty($1))" }.joined(separator: ",")
            // Escaped first: the only line break left is the one before `help:`.
            let text = DisplayText.escaped(finding.message), help = DisplayText.escaped(finding.help)
            let message = help.isEmpty ? text : "\(text)\nhelp: \(help)"
            output += "::\(Self.command(finding.severity)) \(properties)::\(Self.escapeData(message))\n"
        }
        output += summary(report) + "\n"
        return output
    }

    private func summary(_ report: Report) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let counts = Severity.allCases.reversed().map { ($0, report.count($0)) }
        var line = "schemalint: " + counts.map { count($1, Self.command($0)) }.joined(separator: ", ")
            + " in " + count(report.files.count, "file")
        let hidden = counts.filter { $0.1 > Self.annotationsShownPerKind }
        if !hidden.isEmpty {
            line += "; GitHub shows only the first \(Self.annotationsShownPerKind) annotations of each kind per step, so "
                + hidden.map { "\($1 - Self.annotationsShownPerKind) \(Self.command($0))s" }.joined(separator: " and ")
                + " appear only in this log (upload --format sarif to code scanning to see all of them on the pull request)"
        }
        return line
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The message part of a workflow command: `%`, CR and LF are percent-encoded.
    static func escapeData(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A property value: like the message, plus `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
