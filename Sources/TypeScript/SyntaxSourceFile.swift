/// The result of reading one TypeScript / JavaScript file.
///
/// Every located value in the tree carries `range`: 0-based byte offsets into the file's UTF-8 bytes, end exclusive.
public struct SourceFileSyntax: Sendable {
    public var statements: [StatementSyntax]
    /// Every comment of the file in source order (also those inside skipped type annotations).
    public var comments: [CommentSyntax]
    /// Syntax the reader could not read; parsing resumed after each one, so `statements` still holds the rest.
    public var diagnostics: [ParseDiagnostic]
    /// The number of bytes that were read.
    public var length: Int

    public init(statements: [StatementSyntax], comments: [CommentSyntax], diagnostics: [ParseDiagnostic], length: Int) {
        self.statements = statements
        self.comments = comments
        self.diagnostics = diagnostics
        self.length = length
    }
}

/// A `// line` or `/* block */` comment.
public struct CommentSyntax: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case line, block }
    public var kind: Kind
    /// The comment's text without its delimiters (`//`, `/*`, `*/`); not trimmed.
    public var text: String
    /// The whole comment, delimiters included.
    public var range: Range<Int>
    /// Whether a line break separates the comment from the previous token (or it starts the file),
    /// i.e. it sits on its own line rather than trailing code.
    public var startsLine: Bool

    public init(kind: Kind, text: String, range: Range<Int>, startsLine: Bool) {
        self.kind = kind
        self.text = text
        self.range = range
        self.startsLine = startsLine
    }
}

/// Syntax that could not be read, located at the offending token.
public struct ParseDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var range: Range<Int>

    public init(message: String, range: Range<Int>) {
        self.message = message
        self.range = range
    }

    public var description: String { "\(range.lowerBound)..<\(range.upperBound): \(message)" }
}

/// A name as written in the source: an identifier, a private name (`#x`, text without `#`), or the string of a
/// module export name (`export { x as "a-b" }`, cooked).
public struct Identifier: Sendable, Hashable {
    public var name: String
    public var range: Range<Int>

    public init(name: String, range: Range<Int>) {
        self.name = name
        self.range = range
    }
}
