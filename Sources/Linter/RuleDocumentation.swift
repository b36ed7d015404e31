import Core
import MigrationRules

/// Renders a catalog entry as Markdown, for `schemalint explain` and `docs/rules/`.
public enum RuleDocumentation {
    /// The rules as a Markdown table: id, default severity, summary.
    public static func table(_ catalog: RuleCatalog) -> String {
        var text = "| rule | default | finds |\n|---|---|---|\n"
        for id in catalog.ids {
            guard let entry = catalog[id] else { continue }
            let former = entry.aliases.isEmpty ? "" : " (formerly " + entry.aliases.map { "`\($0)`" }.joined(separator: ", ") + ")"
            text += "| [`\(id)`](\(RuleLinks.repositoryPath(id)))\(former) | \(entry.severity.rawValue) | \(entry.summary) |\n"
        }
        return text
    }

    public static func markdown(for entry: CatalogEntry) -> String {
        var text = "# \(entry.id)\n\n"
        text += "Default severity: **\(entry.severity.rawValue)**. \(capitalized(entry.summary)).\n\n"
        if !entry.aliases.isEmpty {
            text += "Former id: " + entry.aliases.map { "`\($0)`" }.joined(separator: ", ")
                + " (still accepted in configuration, suppression comments, `ignore` entries and baselines).\n\n"
        }
        text += entry.description.trimmingTrailingNewlines() + "\n"
        if entry.scope == .newMigrations {
            text += "\nJudges only migrations that can still change: those new relative to `--base REF`, to `HEAD` with "
                + "`--staged`, or else to the default branch; `migrations.since` sets the boundary. Migrations already "
                + "merged are taken as applied (see docs/running.md).\n"
        }
        let locks = LockModel.rows(forRule: entry.id)
        if !locks.isEmpty {
            // The lock-model rows behind the rule (docs/locks.md has the whole model); `postgres.version` picks the
            // rows whose PostgreSQL column contains it.
            text += "\n## Locks\n\nThe rows of the lock model (docs/locks.md) this rule reads; `postgres.version` "
                + "(default \(Configuration.defaultPostgresVersion)) selects the rows whose PostgreSQL column contains it.\n\n"
            text += LockModel.markdown(locks)
        }
        if !entry.options.isEmpty {
            text += "\n## Options\n\n| name | type | default | meaning |\n|---|---|---|---|\n"
            for option in entry.options {
                text += "| `\(option.name)` | \(option.type.rawValue) | `\(option.defaultValue)` | \(option.description.replacingNewlines()) |\n"
            }
        }
        text += examples("Flagged", entry.invalidExamples, note: "`⟦` and `⟧` mark each span the rule reports.")
        text += examples("Not flagged", entry.validExamples, note: nil)
        return text
    }

    private static func examples(_ title: String, _ list: [RuleExample], note: String?) -> String {
        guard !list.isEmpty else { return "" }
        var text = "\n## \(title)\n"
        if let note { text += "\n\(note)\n" }
        for example in list {
            if example.variant == "prisma" {
                text += "\nThe same in a Prisma schema:\n"
            } else if !example.description.isEmpty {
                text += "\n\(capitalized(example.description)):\n"
            }
            if let config = example.config {
                text += "\n`.schemalint.yml`\n```yaml\n\(config.trimmingTrailingNewlines())\n```\n"
            }
            for path in example.files.keys.sorted() {
                let language = path.hasSuffix(".ts") ? "ts" : path.hasSuffix(".sql") ? "sql" : path.hasSuffix(".json") ? "json"
                    : path.hasSuffix(".prisma") ? "prisma" : ""
                text += "\n`\(path)`\n```\(language)\n\(example.files[path, default: ""].trimmingTrailingNewlines())\n```\n"
            }
        }
        return text
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.hasSuffix("\n") { copy.removeLast() }
        return copy
    }

    func replacingNewlines() -> String {
        split(separator: "\n").joined(separator: " ")
    }
}
