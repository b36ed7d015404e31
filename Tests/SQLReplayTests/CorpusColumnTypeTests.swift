import Catalog
import Foundation
import SQL
import SQLReplay
import Testing
import TestSupport

/// The replay parses column types through a memo: every column of every migration folder of ../shared/corpus must
/// have the type `PgType(parsing:)` gives its spelling.
@Suite struct CorpusColumnTypeTests {
    @Test(.enabled(if: SharedFolder.isAvailable, "\(SharedFolder.missingReason)"))
    func everyReplayedColumnHasItsSpellingsParse() throws {
        let folders = try Self.sqlFilesByFolder(under: try #require(SharedFolder.path("corpus")))
        #expect(folders.count > 10, "the corpus has migration folders")
        var columns = 0
        for (_, files) in folders {
            var replay = CatalogReplay()
            for file in files.sorted() {
                let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
                replay.apply(SQLParser.parseFile(bytes), path: file)
            }
            for table in replay.tables.values {
                for column in table.columns {
                    columns += 1
                    #expect(column.pgType == PgType(parsing: column.type), "\(table.name).\(column.name): \(column.type)")
                }
            }
        }
        #expect(columns > 1000)
    }

    private static func sqlFilesByFolder(under root: String) throws -> [String: [String]] {
        var folders: [String: [String]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".sql"), !relative.contains("node_modules"),
                  enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            let path = root + "/" + relative
            folders[(path as NSString).deletingLastPathComponent, default: []].append(path)
        }
        return folders
    }
}
