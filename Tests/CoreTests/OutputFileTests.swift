import Core
import Foundation
import Testing

/// `--output` must never replace what it writes through: `--output /dev/null` once turned `/dev/null` into a
/// regular file (an atomic write renames a new file over the target). A symlink shows the same mechanism safely.
@Suite struct OutputFileTests {
    @Test func writesThroughASymlinkInsteadOfReplacingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.json").path
        let link = folder.appendingPathComponent("report.json").path
        try Data("old, longer content".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try OutputFile.write("new", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func devNullStaysACharacterDevice() throws {
        try OutputFile.write("report", to: "/dev/null")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func regularFilesAreReplacedWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-output-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try OutputFile.write("first, longer", to: path)
        try OutputFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    }
}
