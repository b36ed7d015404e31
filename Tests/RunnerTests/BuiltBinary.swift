import Foundation
import Testing
import TestSupport

/// The `schemalint` executable that `swift build`/`swift test` put next to the test bundle, for end-to-end tests.
/// `SCHEMALINT_BINARY` overrides the search.
enum BuiltBinary {
    static let url: URL? = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["SCHEMALINT_BINARY"], !path.isEmpty {
            return fm.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        // Linux: <products>/schemalintPackageTests.xctest is the test executable; macOS: a bundle two levels
        // further down (<products>/schemalintPackageTests.xctest/Contents/MacOS/…).
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("schemalint")
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue, fm.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static var isAvailable: Bool { url != nil }
    static let missing: Comment = "the schemalint executable was not found next to the test bundle (build it, or set SCHEMALINT_BINARY)"

    /// Runs the binary in `folder` with `environment` added to `base` (default: the inherited environment without
    /// `GIT_*`, `GITHUB_ACTIONS` and `NO_COLOR`, so the outer shell does not change the results).
    static func run(
        _ arguments: [String], in folder: String, environment: [String: String] = [:], base: [String: String]? = nil
    ) throws -> ChildProcess.Outcome {
        guard let url else { throw BinaryMissing() }
        let inherited = base ?? ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("GIT_") && $0.key != "GITHUB_ACTIONS" && $0.key != "NO_COLOR"
        }
        return try ChildProcess.run(url, arguments, in: folder, environment: inherited.merging(environment) { _, added in added })
    }

    struct BinaryMissing: Error {}
}

/// The end-to-end suites are skipped, not failed, when the executable is missing, so that one test says so: a build
/// that stopped producing `schemalint` (or a `SCHEMALINT_BINARY` naming nothing) must not pass by running none of them.
@Suite struct BuiltBinaryTests {
    @Test func theExecutableIsFound() {
        #expect(BuiltBinary.isAvailable, BuiltBinary.missing)
    }
}
