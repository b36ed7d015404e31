import Core

/// Compiler-style text: `path:line:col: severity[rule]: message`, the source line with a caret span, `help:`,
/// and a summary line with timing.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ report: Report, _ context: RenderContext) -> String {
        let style = Style(enabled: context.useColor)
        var output = ""
        for located in report.findings {
            let finding = located.finding
            let path = DisplayText.escaped(context.displayPath(finding.path))
            output += style.bold("\(path):\(located.start.line):\(located.start.column):") + " "
            output += style.severity(finding.severity) + style.dim("[" + style.link(finding.ruleID, to: context.ruleLinks.page(finding.ruleID)) + "]")
                + ": " + DisplayText.escaped(finding.message) + "\n"
            output += sourceExcerpt(located, style: style)
            output += "  " + style.help("help:") + " " + DisplayText.escaped(finding.help) + "\n\n"
        }
        output += summary(report, style: style) + "\n"
        return output
    }

    /// The located line (a window of it: `CodeFrame`) with a gutter and carets under the span (to the window's
    /// end for multi-line spans). Control characters are shown escaped and carets follow the escapes' width.
    private func sourceExcerpt(_ located: LocatedFinding, style: Style) -> String {
        guard !located.sourceLine.isEmpty || located.start.column > 1 else { return "" }
        let number = String(located.start.line)
        let gutter = String(repeating: " ", count: number.count)
        // Tabs become one space so that carets (counted in shown characters) stay aligned; control characters are
        // shown escaped, and carets move past their escapes.
        let prefix = located.sourceLineColumn > 1 ? "…" : ""
        let scalars = located.sourceLine.unicodeScalars
        let spaced = scalars.contains("\t") ? String(String.UnicodeScalarView(scalars.map { $0 == "\t" ? " " : $0 })) : located.sourceLine
        var line = prefix + DisplayText.escaped(spaced)
        let lineLength = line.unicodeScalars.count
        if located.sourceLineIsCut { line += "…" }
        func width(atColumn column: Int) -> Int {
            let count = min(max(column - located.sourceLineColumn, 0), scalars.count)
            var width = prefix.unicodeScalars.count
            for scalar in scalars.prefix(count) {
                width += scalar == "\t" || !DisplayText.needsEscape(scalar) ? 1 : DisplayText.escaped(scalar).unicodeScalars.count
            }
            return width
        }
        let startWidth = width(atColumn: located.start.column)
        let endWidth = located.end.line == located.start.line ? max(width(atColumn: located.end.column), startWidth + 1) : max(lineLength, startWidth + 1)
        let carets = String(repeating: " ", count: startWidth) + String(repeating: "^", count: endWidth - startWidth)
        return "  \(gutter) \(style.dim("|"))\n"
            + "  \(style.dim(number)) \(style.dim("|")) \(line)\n"
            + "  \(gutter) \(style.dim("|")) \(style.caret(carets, located.finding.severity))\n"
    }

    /// The totals line, then the findings per rule (most first), then how many migrations were judged.
    private func summary(_ report: Report, style: Style) -> String {
        var parts = [Self.count(report.count(.error), "error"), Self.count(report.count(.warning), "warning")]
        if report.count(.info) > 0 { parts.append(Self.count(report.count(.info), "info")) }
        var line = parts.joined(separator: ", ") + " in " + Self.count(report.files.count, "file")
        line += " (" + formatSeconds(report.duration) + ")"
        var extras: [String] = []
        if report.suppressedCount > 0 { extras.append("\(report.suppressedCount) suppressed") }
        if report.baselinedCount > 0 { extras.append("\(report.baselinedCount) in baseline") }
        if !extras.isEmpty { line += "; " + extras.joined(separator: ", ") }
        var lines = [report.count(.error) > 0 ? style.bold(line) : line]
        lines += Self.perRule(report).map { "  \($0.count)  \($0.rule)" }
        if let migrations = Self.migrationsLine(report) { lines.append(migrations) }
        return lines.joined(separator: "\n")
    }

    /// Findings per rule, most first (ties by id), counts right-aligned.
    static func perRule(_ report: Report) -> [(count: String, rule: String)] {
        var counts: [String: Int] = [:]
        for located in report.findings { counts[located.finding.ruleID, default: 0] += 1 }
        let sorted = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let width = String(sorted.first?.value ?? 0).count
        return sorted.map { (String(repeating: " ", count: width - String($0.value).count) + String($0.value), $0.key) }
    }

    /// "3 migrations judged, 41 taken as applied (committed on main)"; nil when there are no migrations.
    static func migrationsLine(_ report: Report) -> String? {
        guard report.migrationsJudged + report.migrationsApplied > 0 else { return nil }
        var line = count(report.migrationsJudged, "migration") + " judged"
        if report.migrationsApplied > 0 {
            line += ", \(report.migrationsApplied) taken as applied"
            if let boundary = report.appliedBoundary { line += " (\(boundary))" }
        }
        return line
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func formatSeconds(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }
}

/// ANSI styling that vanishes when colour is off.
struct Style {
    let enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    /// An OSC 8 hyperlink (terminals that do not know it show the text), with colour only: not in files or pipes.
    func link(_ text: String, to url: String?) -> String {
        guard enabled, let url else { return text }
        return "\u{1B}]8;;\(url)\u{1B}\\\(text)\u{1B}]8;;\u{1B}\\"
    }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func help(_ text: String) -> String { wrap(text, "1;36") }

    private func code(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;34"
        }
    }

    func severity(_ severity: Severity) -> String { wrap(severity.rawValue, code(severity)) }
    func caret(_ text: String, _ severity: Severity) -> String { wrap(text, code(severity)) }
}
