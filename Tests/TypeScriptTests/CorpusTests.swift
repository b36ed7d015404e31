import Foundation
import TestSupport
import Testing
@testable import TypeScript

@Suite("corpus")
struct CorpusTests {
    @Test("every TypeScript and JavaScript file of the Drizzle corpus parses without diagnostics",
          .enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
    func drizzleCorpus() throws {
        let root = try #require(SharedFolder.path("corpus/drizzle"))
        let extensions: Set<String> = ["ts", "mts", "js", "mjs"]
        var fileCount = 0
        var byteCount = 0
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            guard extensions.contains((relative as NSString).pathExtension) else { continue }
            let data = try #require(FileManager.default.contents(atPath: root + "/" + relative))
            let file = TypeScriptParser.parse([UInt8](data))
            fileCount += 1
            byteCount += data.count
            #expect(file.diagnostics.isEmpty, "\(relative): \(file.diagnostics)")
            #expect(!file.statements.isEmpty, "\(relative) has no statements")
        }
        print("TypeScript corpus: \(fileCount) files, \(byteCount) bytes parsed")
        #expect(fileCount > 0)
    }
}
