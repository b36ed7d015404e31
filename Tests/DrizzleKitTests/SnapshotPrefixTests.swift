import Core
import Foundation
@testable import DrizzleKit
import Testing
import TestSupport

/// Old snapshots are read by their first bytes (issue 10). Every corpus snapshot's chain fields must come out of
/// the prefix scan exactly as the whole-file reader reads them — values and byte ranges — or the scan must decline.
@Suite struct SnapshotPrefixTests {
    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
    func everyCorpusSnapshotHeaderMatchesTheWholeFileReader() throws {
        let root = try #require(SharedFolder.path("corpus/drizzle"))
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var compared = 0
        for case let relative as String in enumerator where relative.hasSuffix("snapshot.json") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
            let whole = SnapshotHeaderReader.read(SourceFile(path: relative, bytes: bytes), key: "k")
            let prefix = Array(bytes.prefix(SnapshotHeaderReader.prefixLength))
            let scanned = try #require(SnapshotHeaderReader.readPrefix(prefix, path: relative, key: "k"), "\(relative): the scan declined")
            #expect(scanned.id == whole.id, "\(relative)")
            #expect(scanned.prevIds == whole.prevIds, "\(relative)")
            #expect(scanned.version == whole.version, "\(relative)")
            #expect(scanned.dialect == whole.dialect, "\(relative)")
            #expect(!scanned.isWhole && whole.isWhole)
            compared += 1
        }
        #expect(compared > 150)
    }

    @Test(arguments: [
        // Another member before the chain fields, an escape, a prefix that ends inside a value, a wrong type.
        #"{"tables": {}, "id": "a", "prevId": "b", "version": "7", "dialect": "postgresql"}"#,
        #"{"id": "a\u0041", "prevId": "b", "version": "7", "dialect": "postgresql"}"#,
        #"{"id": "a", "prevId": "b", "version": "7", "dialect": "postg"#,
        #"{"id": 1, "prevId": "b", "version": "7", "dialect": "postgresql"}"#,
        #"{"id": "a", "id": "c", "prevId": "b", "version": "7", "dialect": "postgresql"}"#,
        #"["id", "a"]"#,
    ])
    func declinesWhatItCannotReadExactly(_ text: String) {
        #expect(SnapshotHeaderScanner.scan(Array(text.utf8)) == nil)
    }

    @Test func readsVersionEightPrevIds() throws {
        let text = #"{ "version": "8", "dialect": "postgres", "id": "c", "prevIds": ["a", "b"], "ddl": [ {"#
        let fields = try #require(SnapshotHeaderScanner.scan(Array(text.utf8)))
        #expect(fields.prevIds.map(\.value) == ["a", "b"])
        #expect(fields.id?.value == "c")
        let range = try #require(fields.id?.range)
        #expect(String(decoding: Array(text.utf8)[range], as: UTF8.self) == "\"c\"")
    }
}
