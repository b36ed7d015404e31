import Foundation

/// Locates `../shared` (the corpus, schemas and spec that sit beside a checkout) without hard-coding a path:
/// `SCHEMALINT_SHARED` wins, else the nearest ancestor of this source file that has a `shared/SPEC.md` child.
public enum SharedFolder {
    public static let url: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SCHEMALINT_SHARED"], !env.isEmpty {
            return fm.fileExists(atPath: env + "/SPEC.md") ? URL(fileURLWithPath: env) : nil
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared")
            if fm.fileExists(atPath: candidate.appendingPathComponent("SPEC.md").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// Why a test that needs `../shared` did not run; printed by the skip.
    public static let missingReason = "../shared is not beside this checkout (set SCHEMALINT_SHARED to its path): corpus tests skipped"

    public static var isAvailable: Bool { url != nil }

    public static func path(_ relative: String) -> String? {
        url.map { $0.appendingPathComponent(relative).path }
    }
}
