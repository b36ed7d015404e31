import Core
import Foundation
import Linter
import Testing
import TestSupport

/// `check --staged` writes nothing: not the index, not the work tree, not any other file under the repository.
@Suite struct ReadOnlyTests {
    /// Every file under `root` (including all of `.git`): its bytes and modification time.
    struct FileState: Equatable {
        var bytes: Data
        var modified: Date?
    }

    static func snapshot(_ root: String) throws -> [String: FileState] {
        var state: [String: FileState] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = root + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            state[relative] = FileState(bytes: try Data(contentsOf: URL(fileURLWithPath: path)), modified: attributes[.modificationDate] as? Date)
        }
        return state
    }

    @Test func checkStagedLeavesEveryFileByteForByteUnchanged() throws {
        let repo = try TemporaryRepository.make { repo in
            for name in ["partial", "unstaged", "renamed", "deleted", "kept"] {
                try repo.write("gists/\(name).json", GistText.clean)
            }
            try repo.write(".schemalint.yml", "rules:\n  gist/secret: error\n")
            // A schema whose `updatedAt` sends the update search through every TypeScript file.
            try repo.write("src/db/schema.ts", ContentFactCacheTests.schema)
            try repo.write("src/notes.ts", ContentFactCacheTests.quietCode)
            try repo.commitAll("base")
            try repo.write("gists/partial.json", GistText.secret)
            try repo.git("add", "gists/partial.json")
            try repo.write("gists/partial.json", GistText.broken)           // partially staged
            try repo.write("gists/unstaged.json", GistText.secret)          // unstaged only
            try repo.write("gists/untracked.json", GistText.secret)         // untracked
            try repo.write("gists/added.json", GistText.secret)
            try repo.git("add", "gists/added.json")                          // staged new file
            try repo.git("mv", "gists/renamed.json", "gists/moved.json")     // rename
            try repo.git("rm", "--quiet", "gists/deleted.json")              // deletion
            // Racily clean: a file staged and rewritten within the index's timestamp granularity, the case
            // where a `git status`-style refresh would rewrite the index.
            try repo.write("gists/kept.json", GistText.clean.replacingOccurrences(of: "3", with: "4"))
        }
        defer { repo.remove() }
        let before = try Self.snapshot(repo.root)
        #expect(before[".git/index"] != nil)

        let staged = try lint(repo.root, staged: true)
        #expect(Set(staged.summaries.filter { $0.hasPrefix("gist/") }) == ["gist/secret gists/partial.json", "gist/secret gists/added.json"])
        _ = try lint(repo.root, staged: true, changedOnly: true)
        _ = try lint(repo.root, staged: true, base: "HEAD", changedOnly: true)
        _ = try lint(repo.root, base: "HEAD", changedOnly: true)

        // The one file a run may add: the update search's cache, inside .git (ContentFactCache).
        let after = try Self.snapshot(repo.root)
        #expect(after.keys.sorted() == (before.keys + [".git/schemalint/update-scan-v2"]).sorted())
        for (path, state) in before where after[path] != state {
            Issue.record("\(path) changed during check --staged")
        }
    }
}
