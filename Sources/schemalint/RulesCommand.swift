import ArgumentParser
import Core
import Linter

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules: id, default severity, summary.")

    @Flag(help: "Print a Markdown table (the README's rules table is this output).")
    var markdown = false

    func run() throws {
        let catalog = try CheckRunner.loadCatalog()
        if markdown {
            try printOutput(RuleDocumentation.table(catalog), terminator: "")
            return
        }
        let width = catalog.ids.map(\.count).max() ?? 0
        var lines: [String] = []
        for id in catalog.ids {
            guard let entry = catalog[id] else { continue }
            let padded = id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = entry.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            lines.append("\(padded)  \(severity)  \(entry.summary)")
        }
        // Former ids stay accepted everywhere an id is; list them so an old configuration can be read.
        let aliases = catalog.aliases.sorted { $0.key < $1.key }
        if !aliases.isEmpty {
            lines.append("")
            lines.append("Former ids (still accepted):")
            for (alias, current) in aliases {
                lines.append("\(alias.padding(toLength: width, withPad: " ", startingAt: 0))  → \(current)")
            }
        }
        try printOutput(lines.joined(separator: "\n"))
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a rule's full text, options and examples.")

    @Argument(help: "A rule id, such as gist/secret.")
    var id: String

    func run() throws {
        let catalog = try CheckRunner.loadCatalog(withExamples: true)
        guard let entry = catalog[id] else {
            let close = catalog.suggestions(for: id).map { "`\($0)`" }
            let hint = close.isEmpty ? "" : "; did you mean " + close.joined(separator: " or ") + "?"
            throw UsageFailure("unknown rule `\(id)`\(hint) (`schemalint rules` lists them)")
        }
        var text = RuleDocumentation.markdown(for: entry)
        if entry.id != id { text = "`\(id)` is the former id of `\(entry.id)`.\n\n" + text }
        try printOutput(text)
    }
}
