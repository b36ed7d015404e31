@testable import SQL

/// A parsed snippet with helpers to read back the text of the ranges the parser reported.
struct ParsedSQL {
    let source: String
    let bytes: [UInt8]
    let file: SQLFile

    init(_ source: String) {
        self.source = source
        bytes = Array(source.utf8)
        file = SQLParser.parseFile(bytes)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    var kinds: [StatementKind] { file.statements.map(\.kind) }

    /// The first statement's kind, for single-statement tests.
    var kind: StatementKind? { file.statements.first?.kind }

    /// 1-based line and column (in characters) of a byte offset, to check positions the way users see them.
    func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        let before = String(decoding: bytes[0..<offset], as: UTF8.self)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, (lines.last?.count ?? 0) + 1)
    }
}

extension StatementKind {
    var createTable: CreateTable? { if case .createTable(let value) = self { value } else { nil } }
    var alterTable: AlterTable? { if case .alterTable(let value) = self { value } else { nil } }
    var createIndex: CreateIndex? { if case .createIndex(let value) = self { value } else { nil } }
    var rename: Rename? { if case .rename(let value) = self { value } else { nil } }
}
