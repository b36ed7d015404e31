import Core
import JSON
import ProjectModel

/// Applies the config's `ignore` entries that name a rule, a path and a JSON pointer (JSON cannot hold comments).
/// `path` is a glob, like the top-level `ignore` paths (`gists/fixtures/*.json`).
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
        let globs = entries.map { Glob($0.path) }
        var used = Array(repeating: false, count: entries.count)
        var kept: [Finding] = []
        var suppressed = 0
        for finding in findings {
            let match = entries.indices.first { index in
                let entry = entries[index]
                guard entry.rule == nil || entry.rule == finding.ruleID,
                      entry.path == finding.path || globs[index].matches(finding.path) else { return false }
                guard entry.pointer != nil else { return true }
                guard let range = scope(entry, in: finding.path) else { return false }
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

    /// Byte range of the JSON value the entry's pointer names in `path`, when it has one and it resolves there.
    private func scope(_ entry: IgnoredFinding, in path: String) -> Range<Int>? {
        guard let pointer = entry.pointer, let document = project.gists.file(path)?.document else { return nil }
        return document.node(at: pointer)?.range
    }
}
