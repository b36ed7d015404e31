/// Turns byte offsets into 1-based lines and columns counted in Unicode scalars.
///
/// `\n`, `\r\n` and a lone `\r` each end a line, so CRLF files report the same lines as LF files.
public struct LineIndex: Sendable {
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // Every byte of the file is looked at (a keystroke in a 130 KB schema indexes it again): no bounds checks,
        // and one comparison for the bytes that cannot end a line.
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                index += 1
                if byte > 0x0D { continue }
                if byte == 0x0A {
                    starts.append(index)
                } else if byte == 0x0D {
                    if index < count, buffer[index] == 0x0A { index += 1 }
                    starts.append(index)
                }
            }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// 0-based line number holding `offset` (offsets past the end belong to the last line).
    public func lineNumber(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line and column of a byte offset; the column counts Unicode scalars from the line start.
    public func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineNumber(of: clamped)
        var column = 1
        var index = lineStarts[line]
        while index < clamped {
            // Continuation bytes (10xxxxxx) do not start a scalar.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: line + 1, column: column)
    }

    /// Byte range of a 0-based line without its terminator.
    public func lineRange(_ line: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}

public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
