import Foundation
import Testing

/// Compares output with a file in `Golden/`; `SCHEMALINT_UPDATE_GOLDEN=1 swift test` rewrites the files.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SCHEMALINT_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output differs from Golden/\(name); rerun with SCHEMALINT_UPDATE_GOLDEN=1 after checking the change", sourceLocation: sourceLocation)
    }
}
