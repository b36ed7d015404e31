import Drizzle
import DrizzleKit
import Foundation
import Testing
import TestSupport

/// Every TypeScript file and every snapshot of the Drizzle corpus is read without a diagnostic.
struct CorpusReadingTests {
    static func corpusFiles(_ suffix: String) -> [(repository: String, path: String)] {
        guard let root = SharedFolder.path("corpus/drizzle") else { return [] }
        let provider = DirectorySourceProvider(root: root)
        return provider.files(under: "").filter { $0.hasSuffix(suffix) }.map { path in
            (String(path.prefix { $0 != "/" }), String(path.drop { $0 != "/" }.dropFirst()))
        }
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
    func everySchemaFileParses() throws {
        let files = Self.corpusFiles(".ts")
        #expect(files.count > 60)
        for (repository, path) in files {
            let root = try #require(SharedFolder.path("corpus/drizzle/\(repository)"))
            let result = DrizzleSchemaReader.read(entryFiles: [path], provider: DirectorySourceProvider(root: root))
            let syntax = result.diagnostics.filter { $0.kind == .syntax }
            #expect(syntax.isEmpty, Testing.Comment(rawValue: "\(repository)/\(path): \(syntax)"))
        }
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
    func everySnapshotReadsAndRoundTrips() throws {
        let files = Self.corpusFiles("snapshot.json")
        #expect(files.count > 150)
        for (repository, path) in files {
            let root = try #require(SharedFolder.path("corpus/drizzle/\(repository)"))
            let bytes = try #require(DirectorySourceProvider(root: root).read(path))
            let snapshot = try SnapshotReader.read(bytes, path: path).get()
            #expect(!snapshot.id.isEmpty || snapshot.version == "5", Testing.Comment(rawValue: path))
            let written = SnapshotWriter.text(snapshot.model)
            let reread = try SnapshotReader.read(Array(written.utf8), path: "written.json").get()
            let differences = DrizzleKitDiff.compare(snapshot.model, reread.model)
            #expect(differences.isEmpty, Testing.Comment(rawValue: "\(repository)/\(path): \(differences.prefix(3))"))
        }
    }
}
