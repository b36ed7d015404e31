/// drizzle-kit's statement separator. drizzle's migrator splits the file text on it literally, wherever it is.
public enum StatementBreakpoints {
    static let marker = Array("--> statement-breakpoint".utf8)

    /// The file's pieces between markers (the whole file when it has none).
    public static func chunks(of bytes: [UInt8]) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var chunkStart = 0
        var p = 0
        let last = bytes.count - marker.count
        while p <= last {
            if bytes[p] == marker[0], bytes[p + 1] == marker[1], bytes[(p + 2)..<(p + marker.count)].elementsEqual(marker[2...]) {
                chunks.append(chunkStart..<p)
                p += marker.count
                chunkStart = p
            } else {
                p += 1
            }
        }
        chunks.append(chunkStart..<bytes.count)
        return chunks
    }
}
