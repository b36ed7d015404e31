/// What the SQL reader makes of one migration file: its statements in file order, the syntax errors
/// PostgreSQL's parser reported (located), and every comment (for suppression directives).
public struct SQLFile: Sendable, Equatable {
    public var statements: [SQLStatement] { didSet { allStatements = Self.flatten(statements) } }
    public var syntaxErrors: [SQLSyntaxError]
    public var comments: [SQLComment]
    /// Every statement, each followed by the statements nested inside it (`DO` blocks), in file order. Kept, not
    /// computed on each use: every migration rule walks it, and flattening 5,000 statements per rule showed up.
    public private(set) var allStatements: [SQLStatement]

    public init(statements: [SQLStatement] = [], syntaxErrors: [SQLSyntaxError] = [], comments: [SQLComment] = []) {
        self.statements = statements
        self.syntaxErrors = syntaxErrors
        self.comments = comments
        self.allStatements = Self.flatten(statements)
    }

    /// Whether a top-level `COMMIT` or `ROLLBACK` stands between two offsets of the file: what comes before it no
    /// longer shares a transaction with what comes after.
    public func endsTransaction(between lower: Int, and upper: Int) -> Bool {
        statements.contains { statement in
            guard case .transaction(let control) = statement.kind, control != .begin else { return false }
            return statement.range.lowerBound > lower && statement.range.lowerBound < upper
        }
    }

    private static func flatten(_ statements: [SQLStatement]) -> [SQLStatement] {
        var result: [SQLStatement] = []
        func add(_ statement: SQLStatement) {
            result.append(statement)
            statement.nested.forEach(add)
        }
        statements.forEach(add)
        return result
    }
}

/// A `-- …` or `/* … */` comment outside string literals.
public struct SQLComment: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// `-- …` up to (not including) the end of the line.
        case line
        /// `/* … */`, nesting like PostgreSQL's.
        case block
    }

    public var style: Style
    /// The whole comment, markers included.
    public var range: Range<Int>

    public init(style: Style, range: Range<Int>) {
        self.style = style
        self.range = range
    }

    /// The text between the markers (`--` / `/*` `*/`), not trimmed.
    public var contentRange: Range<Int> {
        switch style {
        case .line:
            return min(range.lowerBound + 2, range.upperBound)..<range.upperBound
        case .block:
            let start = min(range.lowerBound + 2, range.upperBound)
            return start..<max(start, range.upperBound - 2)
        }
    }
}

/// SQL that PostgreSQL's parser rejects.
public struct SQLSyntaxError: Sendable, Equatable {
    /// PostgreSQL's message, e.g. `syntax error at or near "TABBLE"`.
    public var message: String
    /// The offending token in the file (at least one character wide when the file is not empty).
    public var range: Range<Int>

    public init(message: String, range: Range<Int>) {
        self.message = message
        self.range = range
    }
}
