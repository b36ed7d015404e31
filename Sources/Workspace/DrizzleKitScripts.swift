import Core
import JSON

/// drizzle-kit configs that are not named `drizzle.config.*` but are what the project runs: `package.json`
/// scripts such as `drizzle-kit generate --config ./configs/postgresql.config.ts` (run from the package's folder).
enum DrizzleKitScripts {
    /// Repository-relative config paths named by `--config` in the scripts of every `package.json`.
    static func configPaths(in paths: [String], provider: ParsedSourceProvider) -> [String] {
        var found: [String] = []
        for manifest in paths where manifest == "package.json" || manifest.hasPathSuffix("/package.json") {
            guard let bytes = provider.read(manifest), contains(bytes, "drizzle-kit"),
                  case .success(let root) = JSONReader.parse(bytes), let scripts = root["scripts"]?.objectMembers else { continue }
            let folder = RelativePath.directory(of: manifest)
            for script in scripts {
                guard let command = script.value.stringValue else { continue }
                for argument in configArguments(command) {
                    guard let path = RelativePath.join(folder, argument), provider.fileExists(path), !found.contains(path) else { continue }
                    found.append(path)
                }
            }
        }
        return found
    }

    /// The `--config X` / `--config=X` arguments of the drizzle-kit invocations in one script line.
    static func configArguments(_ command: String) -> [String] {
        var result: [String] = []
        for invocation in command.split(whereSeparator: { "&|;".contains($0) }) {
            let words = invocation.split(separator: " ").map { $0.trimmingQuotes() }
            guard words.contains(where: { $0 == "drizzle-kit" || $0.hasSuffix("/drizzle-kit") }) else { continue }
            for (index, word) in words.enumerated() {
                if word.hasPrefix("--config=") {
                    result.append(String(word.dropFirst("--config=".count)).trimmingQuotes())
                } else if word == "--config", index + 1 < words.count {
                    result.append(words[index + 1])
                }
            }
        }
        return result
    }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}

private extension StringProtocol {
    func trimmingQuotes() -> String {
        var value = String(self)
        while let first = value.first, first == "\"" || first == "'" { value.removeFirst() }
        while let last = value.last, last == "\"" || last == "'" { value.removeLast() }
        return value
    }
}
