/// The part of a source line a report shows: a window around the finding's start, never the whole line. A
/// one-line 1 MB Gist with 60,000 findings would otherwise copy the megabyte 60,000 times.
public struct CodeFrame: Sendable, Hashable {
    /// The window's text (invalid UTF-8 repaired, secrets masked).
    public var text: String
    /// Column (in Unicode scalars, 1-based) of the window's first scalar in its line.
    public var column: Int
    /// The line goes on after the window.
    public var isCutAtEnd: Bool

    public init(text: String, column: Int = 1, isCutAtEnd: Bool = false) {
        self.text = text
        self.column = column
        self.isCutAtEnd = isCutAtEnd
    }

    /// Bytes shown before the finding's start and from it on, at most.
    public static let bytesBefore = 80
    public static let bytesAfter = 160
}

extension SourceFile {
    /// The window of the line holding `offset`, whose position is `position`, with `masked` byte ranges (secret
    /// values) shown as `*` after their first `Redaction.visiblePrefix` scalars.
    public func codeFrame(at offset: Int, position: SourcePosition, masking masked: [Range<Int>] = []) -> CodeFrame {
        let index = lineIndex
        guard position.line >= 1, position.line <= index.lineCount else { return CodeFrame(text: "") }
        let line = index.lineRange(position.line - 1, in: bytes)
        let offset = min(max(offset, line.lowerBound), line.upperBound)
        var start = max(line.lowerBound, offset - CodeFrame.bytesBefore)
        while start < offset, bytes[start] & 0xC0 == 0x80 { start += 1 }
        var end = min(line.upperBound, offset + CodeFrame.bytesAfter)
        while end > offset, end < line.upperBound, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        var skipped = 0
        for byte in bytes[start..<offset] where byte & 0xC0 != 0x80 { skipped += 1 }
        var window = Array(bytes[start..<end])
        // Masking keeps the window's length in scalars only when spans do not overlap: a span a finding gave and
        // one the patterns find are the same credential, so a pattern span inside a given one is dropped.
        let found = CredentialPatterns.spans(in: bytes, region: start..<end).filter { span in !masked.contains { $0.overlaps(span) } }
        for range in masked + found { Redaction.mask(range, in: &window, windowStart: start, source: bytes) }
        return CodeFrame(text: String(decoding: window, as: UTF8.self), column: position.column - skipped,
                         isCutAtEnd: end < line.upperBound)
    }
}

extension SourceFile {
    /// Positions of many offsets in one pass per line: sorted, each column counted on from the previous offset
    /// of the same line. `position(of:)` per offset counts from the line start every time, which is quadratic
    /// when thousands of findings share one long line.
    ///
    /// An array, not any sequence: the generic version, unspecialised across modules, cost 500 instructions an
    /// offset.
    public func positions(of offsets: [Int]) -> [Int: SourcePosition] {
        let index = lineIndex
        var sorted = offsets.map { min(max($0, 0), bytes.count) }
        sorted.sort()
        var result: [Int: SourcePosition] = [:]
        result.reserveCapacity(sorted.count)
        var line = -1
        var cursor = 0
        var column = 1
        var previous = -1
        for offset in sorted where offset != previous {
            previous = offset
            let current = index.lineNumber(of: offset)
            if current != line {
                line = current
                cursor = index.lineStarts[current]
                column = 1
            }
            column += bytes.withUnsafeBufferPointer { buffer in
                // Continuation bytes (10xxxxxx) do not start a scalar.
                var scalars = 0
                for byte in UnsafeBufferPointer(rebasing: buffer[cursor..<offset]) where byte & 0xC0 != 0x80 { scalars += 1 }
                return scalars
            }
            cursor = offset
            result[offset] = SourcePosition(line: current + 1, column: column)
        }
        return result
    }
}
