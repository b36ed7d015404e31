import Synchronization

/// One input file as read from a file source: its repository-relative path and its bytes.
public final class SourceFile: Sendable {
    /// Repository-relative, `/`-separated.
    public let path: String
    public let bytes: [UInt8]
    /// Built on first use: most files never have a finding, so most never need one.
    private let cachedLineIndex = Mutex<LineIndex?>(nil)

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public var lineIndex: LineIndex {
        cachedLineIndex.withLock { cached in
            if let cached { return cached }
            let index = LineIndex(bytes)
            cached = index
            return index
        }
    }

    public func position(of offset: Int) -> SourcePosition {
        lineIndex.position(of: offset, in: bytes)
    }

    /// Text of a 1-based line without its terminator (invalid UTF-8 repaired for display).
    public func lineText(_ line: Int) -> String {
        let index = lineIndex
        guard line >= 1, line <= index.lineCount else { return "" }
        let range = index.lineRange(line - 1, in: bytes)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The file's text, or nil when it is not valid UTF-8.
    public var text: String? {
        String(validating: bytes, as: UTF8.self)
    }
}
