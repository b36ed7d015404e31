/// One input file as read from a file source: its repository-relative path and its bytes.
public final class SourceFile: Sendable {
    /// Repository-relative, `/`-separated.
    public let path: String
    public let bytes: [UInt8]
    public let lineIndex: LineIndex

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineIndex = LineIndex(bytes)
    }

    public func position(of offset: Int) -> SourcePosition {
        lineIndex.position(of: offset, in: bytes)
    }

    /// Text of a 1-based line without its terminator (invalid UTF-8 repaired for display).
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineIndex.lineCount else { return "" }
        let range = lineIndex.lineRange(line - 1, in: bytes)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The file's text, or nil when it is not valid UTF-8.
    public var text: String? {
        String(validating: bytes, as: UTF8.self)
    }
}
