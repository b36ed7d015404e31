import Core
import JSON
import ProjectModel

/// Applies the config's `ignore` entries that name a rule, a path and a JSON pointer (JSON cannot hold comments).
struct IgnoreEntries {
    let entries: [IgnoredFinding]
    let project: Project
    let configurationFile: SourceFile?

    struct Outcome {
        var kept: [Finding]
        var suppressedCount: Int
        var unused: [Finding]
    }

    func apply(to findings: [Finding]) -> Outcome {
        guard !entries.isEmpty else { return Outcome(kept: findings, suppressedCount: 0, unused: []) }
        let scopes = entries.map(scope)
        var used = Array(repeating: false, count: entries.count)
        var kept: [Finding] = []
        var suppressed = 0
        for finding in findings {
            let match = entries.indices.first { index in
                let entry = entries[index]
                guard entry.path == finding.path, entry.rule == nil || entry.rule == finding.ruleID else { return false }
                guard let range = scopes[index] else { return entry.pointer == nil }
                return range.contains(finding.range.lowerBound) || range.lowerBound == finding.range.lowerBound
            }
            if let match {
                used[match] = true
                suppressed += 1
            } else {
                kept.append(finding)
            }
        }
        var unused: [Finding] = []
        if let configurationFile {
            for (index, entry) in entries.enumerated() where !used[index] {
                let lineStart = configurationFile.lineIndex.lineStarts[min(entry.line - 1, configurationFile.lineIndex.lineCount - 1)]
                let offset = lineStart + entry.column - 1
                unused.append(Finding(
                    ruleID: UnusedSuppression.id, severity: .warning, path: configurationFile.path,
                    range: offset..<configurationFile.lineIndex.lineRange(entry.line - 1, in: configurationFile.bytes).upperBound,
                    message: "`ignore` entry for `\(entry.path)`\(entry.pointer.map { " at `\($0)`" } ?? "") matches no finding",
                    help: "remove the entry, or correct its rule, path or pointer"))
            }
        }
        return Outcome(kept: kept, suppressedCount: suppressed, unused: unused)
    }

    /// Byte range of the JSON value the entry's pointer names, when it has one and it resolves.
    private func scope(_ entry: IgnoredFinding) -> Range<Int>? {
        guard let pointer = entry.pointer, let document = project.gists.file(entry.path)?.document else { return nil }
        return document.node(at: pointer)?.range
    }
}
