import Core
import Foundation

/// Applies findings' fixes to files under a root (`check --fix`). A fix is applied whole or not at all; fixes whose
/// edits touch or overlap edits already taken in this pass wait for the next pass (the caller re-checks and asks
/// again), and no file that changed since the run read it is written. Each file is replaced atomically (a temporary
/// file in the same folder, renamed over it) with its permissions kept.
public struct FixApplier {
    public let root: URL
    public let includeUnsafe: Bool

    public init(root: URL, includeUnsafe: Bool) {
        self.root = root
        self.includeUnsafe = includeUnsafe
    }

    public struct Outcome: Sendable, Equatable {
        public var appliedFixes = 0
        /// Files written, root-relative.
        public var changedFiles: [String] = []
        /// Files left alone because they changed since the run read them.
        public var staleFiles: [String] = []
        /// Files that could not be written, with why.
        public var failures: [String] = []
        /// Fixes held back because they collide with another fix of this pass.
        public var deferredFixes = 0
    }

    public func apply(_ findings: [LocatedFinding]) -> Outcome {
        var outcome = Outcome()
        var current: [String: [UInt8]?] = [:]
        func bytes(_ path: String) -> [UInt8]? {
            if let cached = current[path] { return cached }
            let read = FileManager.default.contents(atPath: absolute(path)).map(Array.init)
            current[path] = read
            return read
        }
        var stale: Set<String> = []
        var taken: [String: [Range<Int>]] = [:]
        var accepted: [String: [TextEdit]] = [:]
        var fixesByFile: [String: Int] = [:]
        for fix in findings.flatMap(\.fixes) where fix.isSafe || includeUnsafe {
            let paths = Set(fix.edits.map(\.edit.path))
            // Never a file that differs from what the fix was computed on.
            var usable = true
            for path in paths {
                guard let expected = fix.digests[path], let now = bytes(path), FileDigest.of(now) == expected else {
                    stale.insert(path)
                    usable = false
                    continue
                }
            }
            guard usable else { continue }
            let collides = fix.edits.contains { located in
                taken[located.edit.path, default: []].contains { Self.collide($0, located.edit.range) }
            }
            if collides {
                outcome.deferredFixes += 1
                continue
            }
            for located in fix.edits {
                taken[located.edit.path, default: []].append(located.edit.range)
                accepted[located.edit.path, default: []].append(located.edit)
            }
            outcome.appliedFixes += 1
            if let first = fix.edits.first?.edit.path { fixesByFile[first, default: 0] += 1 }
        }
        for path in accepted.keys.sorted() {
            guard let original = bytes(path), let edits = accepted[path], let updated = TextEdit.apply(edits, to: original) else { continue }
            do {
                try Self.replaceAtomically(absolute(path), with: updated, expecting: original)
                outcome.changedFiles.append(path)
            } catch {
                outcome.failures.append("\(path): \(error.reason)")
                outcome.appliedFixes -= fixesByFile[path] ?? 0
            }
        }
        outcome.staleFiles = stale.sorted()
        return outcome
    }

    private func absolute(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// Edits of one file collide when they overlap or insert at the same offset (their order would be a guess).
    public static func collide(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.lowerBound == b.lowerBound || (a.lowerBound < b.upperBound && b.lowerBound < a.upperBound)
    }

    /// Writes a temporary file beside `path` and renames it over `path`, after checking once more that `path` still
    /// holds `expected`. Permissions are kept.
    static func replaceAtomically(_ path: String, with bytes: [UInt8], expecting expected: [UInt8]) throws(InputError) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw InputError(path: path, reason: "is not a regular file (a symlink is not replaced)")
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).schemalint-fix-\(getpid())").path
        if let failure = DiskFile.writeNew(temporary, bytes, permissions: status.st_mode & 0o7777) {
            throw InputError(path: path, reason: failure)
        }
        guard FileManager.default.contents(atPath: path).map(Array.init) == expected else {
            unlink(temporary)
            throw InputError(path: path, reason: "changed while the fixes were written; left as it is")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw InputError(path: path, reason: "cannot replace it: \(reason)")
        }
    }
}

enum TextReporterCount {
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
