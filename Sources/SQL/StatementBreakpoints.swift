/// drizzle-kit's statement separator. drizzle's migrator splits the file text on it literally, wherever it is.
public enum StatementBreakpoints {
    static let marker = Array("--> statement-breakpoint".utf8)

    /// The file's pieces between markers (the whole file when it has none).
    public static func chunks(of bytes: [UInt8]) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var chunkStart = 0
        var p = 0
        while let found = bytes.firstIndex(of: marker, in: p..<bytes.count) {
            chunks.append(chunkStart..<found)
            p = found + marker.count
            chunkStart = p
        }
        chunks.append(chunkStart..<bytes.count)
        return chunks
    }
}
