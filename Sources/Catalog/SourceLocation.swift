/// Where a model element came from: a repository-relative, `/`-separated path and the UTF-8 byte range of the
/// element's text in that file (0-based, end exclusive). Line and column are computed by the renderer.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var range: Range<Int>

    public init(path: String, range: Range<Int>) {
        self.path = path
        self.range = range
    }

    public var description: String { "\(path)@\(range.lowerBound)..<\(range.upperBound)" }
}

/// Something the reader could not read or evaluate, located so that it becomes a `drizzle/parse-error` finding.
/// The rest of the file is still read.
public struct ReaderDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The TypeScript itself does not parse.
        case syntax
        /// Valid TypeScript whose value the reader cannot work out statically (e.g. a column type from a
        /// function it cannot see).
        case unevaluable
        /// An import that does not resolve to a file.
        case unresolvedImport
        /// A snapshot or config file that is not what drizzle-kit writes.
        case malformedInput
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation

    public init(kind: Kind, message: String, location: SourceLocation) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(kind.rawValue): \(message)" }
}

extension SourceLocation {
    /// The same file, and byte ranges that share a byte.
    public func overlaps(_ other: SourceLocation) -> Bool {
        path == other.path && range.overlaps(other.range)
    }
}
