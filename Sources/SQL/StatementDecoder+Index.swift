import Catalog

/// `CREATE INDEX`.
extension StatementDecoder {
    func createIndex(_ node: ParseNode) -> CreateIndex {
        let columns = node["indexParams"].array.compactMap { $0.unwrap("IndexElem") }.map(indexColumn)
        var index = CreateIndex(name: node["idxname"].string, table: node["relation"].rangeVarName, columns: columns,
                                unique: node["unique"].bool, concurrently: node["concurrent"].bool,
                                ifNotExists: node["if_not_exists"].bool, method: node["accessMethod"].string ?? "btree",
                                hasWhere: !node["whereClause"].isMissing)
        index.indexKeywordEnd = indexKeywordEnd()
        if index.hasWhere { index.predicate = predicate() }
        return index
    }

    /// The text after the statement's `WHERE` outside parentheses: the partial index's predicate, which ends the
    /// statement.
    private func predicate() -> String? {
        var p = statementRange.lowerBound
        var depth = 0
        while let token = significantToken(from: p, limit: statementRange.upperBound) {
            p = token.range.upperBound
            switch token.kind {
            case .punctuation(UInt8(ascii: "(")): depth += 1
            case .punctuation(UInt8(ascii: ")")): depth -= 1
            case .word where depth == 0 && text(token.range).lowercased() == "where":
                guard let first = significantToken(from: p, limit: statementRange.upperBound) else { return nil }
                return text(first.range.lowerBound..<statementRange.upperBound)
            default: break
            }
        }
        return nil
    }

    /// `CREATE [UNIQUE] INDEX`: the end of `INDEX`, among the statement's first three words.
    private func indexKeywordEnd() -> Int? {
        var p = statementRange.lowerBound
        for _ in 0..<3 {
            guard let token = significantToken(from: p, limit: statementRange.upperBound) else { return nil }
            if token.kind == .word, text(token.range).lowercased() == "index" { return token.range.upperBound }
            p = token.range.upperBound
        }
        return nil
    }

    private func indexColumn(_ element: ParseNode) -> IndexColumn {
        if let name = element["name"].string { return .column(name) }
        guard let start = element["expr"].smallestLocation else { return .expression("") }
        return .expression(text(withoutOrdering(elementRange(at: start))))
    }

    /// Drops a trailing `ASC` / `DESC` / `NULLS FIRST|LAST` from an index key's text.
    private func withoutOrdering(_ range: Range<Int>) -> Range<Int> {
        var tokens: [SQLToken] = []
        var p = range.lowerBound
        while let token = significantToken(from: p, limit: range.upperBound) {
            tokens.append(token)
            p = token.range.upperBound
        }
        let orderingWords: Set<String> = ["asc", "desc", "nulls", "first", "last"]
        while tokens.count > 1, let last = tokens.last, last.kind == .word, orderingWords.contains(text(last.range).lowercased()) {
            tokens.removeLast()
        }
        guard let last = tokens.last else { return range }
        return range.lowerBound..<last.range.upperBound
    }
}
