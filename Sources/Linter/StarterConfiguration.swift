import Core
import Foundation
import SyncRules
import Workspace

/// `schemalint init`: a commented `.schemalint.yml` filled with what discovery finds in the folder.
public enum StarterConfiguration {
    public static func write(for folder: URL) throws(UsageFailure) -> String {
        let paths: [String]
        do {
            paths = try WorkTreeSource(root: folder).listFiles()
        } catch {
            throw UsageFailure(error.description)
        }
        let drizzleConfig = paths.first { path in
            let name = path.split(separator: "/").last ?? ""
            return ["drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs"].contains(String(name))
        }
        let migrations = paths.filter { $0.hasSuffix("meta/_journal.json") }
            .map { String($0.dropLast("/meta/_journal.json".count)) }.first
        let gistFolders = Set(paths.filter { $0.hasSuffix(".json") && ($0.hasPrefix("gists/") || $0.contains("/gists/")) }
            .compactMap { path -> String? in
                guard let range = path.range(of: "gists/") else { return nil }
                return String(path[..<range.upperBound])
            }).sorted()

        // Every commented line is a setting that, uncommented, still makes valid configuration (a test does
        // exactly that): explanations are trailing comments, and `rules:`/`ignore:` may be left empty.
        var text = "drizzle:   # schemalint configuration: every key is optional; see `schemalint rules`, `schemalint explain ID`\n"
        text += drizzleConfig.map { "  config: \($0)\n" } ?? "  # config: drizzle.config.ts\n"
        text += "  # queries: [\"src/**/*.ts\"]   # enables query-aware index checks\n"
        text += migrations.map { "migrations:\n  folder: \($0)\n" } ?? "# migrations:\n#   folder: drizzle\n"
        text += (migrations == nil ? "#   " : "  # ")
            + "since: v1.0.0   # a git ref or a migration: migrations up to it are taken as applied (default: from git)\n"
        if gistFolders.isEmpty {
            text += "# gists:\n#   data: [\"gists/**/*.json\"]\n#   schemas: [\"gists/**/*.schema.json\"]\n"
        } else {
            text += "gists:\n"
            text += "  data: [" + gistFolders.map { "\"\($0)**/*.json\"" }.joined(separator: ", ") + "]\n"
            text += "  schemas: [" + gistFolders.map { "\"\($0)**/*.schema.json\"" }.joined(separator: ", ") + "]\n"
        }
        text += syncSuggestions(folder: folder)
        text += "# highFrequencyTables: [\"*_events\", \"*_logs\", \"*_metrics\", \"usage_*\", \"audit_*\"]\n"
        text += "rules:\n"
        text += "  # schema/timestamp-without-timezone: off   # off | info | warning | error\n"
        text += "ignore:\n"
        text += "  # - \"legacy/**\"   # paths never linted\n"
        text += "  # - { rule: gist/personal-data, path: \"gists/fixtures/*.json\" }   # one rule in some files\n"
        return text
    }

    /// Commented `sync` entries for Gist schemas that look like mirrors of a table (`SyncSuggestions`); reading the
    /// project for them is best effort: a folder that cannot be read just gets no suggestion.
    static func syncSuggestions(folder: URL) -> String {
        guard let loaded = try? ProjectLoader(source: WorkTreeSource(root: folder), configuration: Configuration(), base: nil).load()
        else { return "" }
        let suggestions = SyncSuggestions.suggest(loaded.project)
        guard !suggestions.isEmpty else {
            return "# sync:   # PostgreSQL rows mirrored in Gists (sync/ rules)\n"
                + "#   - { gist: gists/subscription-state.json, pointer: \"/subscriptions/*\", table: subscriptions, key: id }\n"
        }
        var text = "# sync:   # suggested: these Gist schemas hold maps whose entries look like rows of a table; uncomment if they mirror it\n"
        for suggestion in suggestions {
            text += "#   - { schema: \(suggestion.schema), pointer: \"\(suggestion.pointer)\", table: \(suggestion.table), key: \(suggestion.key) }\n"
        }
        return text
    }
}
