import Foundation
import Testing
import TestSupport
@testable import SQL

/// Every migration of the real drizzle projects in `../shared/corpus/drizzle` parses, or fails with located errors.
@Suite struct CorpusTests {
    /// Corpus files with genuine syntax errors, and why (empty: every file is valid PostgreSQL).
    static let knownInvalid: [String: String] = [:]

    static func sqlFiles() -> [String] {
        guard let root = SharedFolder.path("corpus/drizzle"),
              let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".sql") }.sorted().map { root + "/" + $0 }
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Comment(rawValue: SharedFolder.missingReason)))
    func everyCorpusFileParses() throws {
        let paths = Self.sqlFiles()
        #expect(paths.count > 100)
        var statements = 0
        var nested = 0
        var errors = 0
        var typed = 0
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let file = SQLParser.parseFile(bytes)
            statements += file.statements.count
            nested += file.allStatements.count - file.statements.count
            errors += file.syntaxErrors.count
            typed += file.allStatements.filter { if case .other = $0.kind { false } else { true } }.count
            let name = path.components(separatedBy: "/corpus/drizzle/").last ?? path
            for error in file.syntaxErrors {
                #expect(error.range.upperBound <= bytes.count && !error.range.isEmpty)
                if Self.knownInvalid[name] == nil {
                    Issue.record("\(name): \(error.message) at \(error.range)")
                }
            }
            for statement in file.allStatements {
                #expect(statement.range.upperBound <= bytes.count && !statement.range.isEmpty)
            }
            if !file.syntaxErrors.isEmpty || Self.knownInvalid[name] != nil {
                #expect(!file.syntaxErrors.isEmpty, "\(name) is listed as invalid but parses")
            }
        }
        print("SQL corpus: \(paths.count) files, \(statements) statements (+\(nested) nested in DO blocks, \(typed) typed), \(errors) syntax errors")
    }

    /// drizzle-kit's `DO $$ … $$` foreign keys come out as nested `ADD CONSTRAINT … FOREIGN KEY` statements.
    @Test(.enabled(if: SharedFolder.isAvailable, Comment(rawValue: SharedFolder.missingReason)))
    func doBlockForeignKeysAreFound() throws {
        var foreignKeysInDoBlocks = 0
        for path in Self.sqlFiles() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            for statement in SQLParser.parseFile(bytes).statements {
                guard case .doBlock(let block) = statement.kind else { continue }
                #expect(block.bodyRange != nil, "\(path): DO body not located")
                for inner in statement.nested {
                    #expect(inner.range != statement.range && statement.range.contains(inner.range.lowerBound))
                    guard case .alterTable(let alter) = inner.kind else { continue }
                    for action in alter.actions {
                        if case .addConstraint(let constraint) = action.kind, case .foreignKey = constraint.kind {
                            foreignKeysInDoBlocks += 1
                            let text = String(decoding: bytes[action.range], as: UTF8.self)
                            #expect(text.uppercased().hasPrefix("ADD CONSTRAINT"), "\(path): \(text)")
                        }
                    }
                }
            }
        }
        #expect(foreignKeysInDoBlocks > 50)
    }
}
