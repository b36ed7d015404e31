import Core

/// A direct reader of git's index file (Documentation/gitformat-index.txt, versions 2 to 4), for the one thing a
/// pre-commit run needs from it: the staged entries. libgit2's `git_index_read` spends most of its time verifying
/// the trailing SHA-1 of the whole file (with collision detection), ~130 million instructions for a 20,000-entry
/// index; git itself skips that check on ordinary reads. Anything this reader does not model exactly (a split
/// index's `link` extension, a sparse index's `sdir`, an unknown required extension, a SHA-256 repository, a
/// malformed file) makes it return nil, and the caller reads the index through libgit2 as before.
struct IndexFile {
    /// One entry, at any stage, in file order (sorted by path, then stage).
    struct Entry {
        var path: String
        var blobID: ObjectID
        var rawMode: UInt32
        var stage: Int
        var isIntentToAdd: Bool
        var stat: IndexStat
    }

    var entries: [Entry]

    /// Reads and parses the file; nil when it cannot be read or holds anything outside the model above.
    static func read(path: String) -> IndexFile? {
        // A missing or unreadable file is not an empty index here: the caller decides with libgit2.
        guard let bytes = try? DiskFile.read(path) else { return nil }
        return parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) -> IndexFile? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = IndexFileParser(bytes: buffer)
            return reader.parse()
        }
    }
}

/// The parsing itself, over the file's bytes; every read is bounds-checked and fails (nil) past the end.
private struct IndexFileParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    /// The trailing checksum: 20 bytes for SHA-1 repositories, the only kind libgit2 1.5 opens.
    static let checksumSize = 20

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parse() -> IndexFile? {
        guard bytes.count >= 12 + Self.checksumSize, readUInt32() == 0x4449_5243,  // "DIRC"
              let version = readUInt32(), (2...4).contains(version), let count = readUInt32()
        else { return nil }
        let end = bytes.count - Self.checksumSize
        var entries: [IndexFile.Entry] = []
        entries.reserveCapacity(Int(min(count, 1 << 20)))
        var previousPath: [UInt8] = []
        for _ in 0..<count {
            guard let entry = readEntry(version: version, previousPath: &previousPath, end: end) else { return nil }
            entries.append(entry)
        }
        // Extensions: a lower-case signature is one a reader must understand to read the entries right.
        while offset < end {
            guard offset + 8 <= end, let size = peekUInt32(at: offset + 4), offset + 8 + Int(size) <= end else { return nil }
            let first = bytes[offset]
            guard first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") else { return nil }
            offset += 8 + Int(size)
        }
        return offset == end ? IndexFile(entries: entries) : nil
    }

    private mutating func readEntry(version: UInt32, previousPath: inout [UInt8], end: Int) -> IndexFile.Entry? {
        let start = offset
        guard start + 62 <= end,
              let ctime = readUInt32(), let ctimeNanoseconds = readUInt32(),
              let mtime = readUInt32(), let mtimeNanoseconds = readUInt32(),
              readUInt32() != nil,  // dev
              let inode = readUInt32(), let mode = readUInt32(),
              readUInt32() != nil, readUInt32() != nil,  // uid, gid
              let size = readUInt32()
        else { return nil }
        let idStart = offset
        offset += 20
        guard let flags = readUInt16() else { return nil }
        var isIntentToAdd = false
        if flags & 0x4000 != 0 {  // extended flags (version 3 and later)
            guard version >= 3, let extended = readUInt16() else { return nil }
            if extended & 0x4000 != 0 { return nil }  // skip-worktree: sparse checkouts are left to libgit2
            isIntentToAdd = extended & 0x2000 != 0
        }
        let nameLength = Int(flags & 0x0fff)
        let path: String
        let pathLength: Int
        if version == 4 {
            guard let strip = readVarint(), strip <= previousPath.count else { return nil }
            previousPath.removeLast(strip)
            guard let terminator = firstNUL(from: offset, end: end) else { return nil }
            previousPath.append(contentsOf: bytes[offset..<terminator])
            offset = terminator + 1
            path = String(decoding: previousPath, as: UTF8.self)
            pathLength = previousPath.count
        } else {
            // The name straight from the file's bytes: no array per entry (20,000 of them in a large monorepo).
            guard let terminator = firstNUL(from: offset, end: end) else { return nil }
            path = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<terminator]), as: UTF8.self)
            pathLength = terminator - offset
            // Entries are padded with 1 to 8 NUL bytes to a multiple of 8 bytes.
            offset = start + ((terminator - start + 8) & ~7)
            guard offset <= end else { return nil }
        }
        // The 12-bit length is exact below 0xFFF; at 0xFFF the name is at least that long.
        guard nameLength == 0x0fff ? pathLength >= 0x0fff : pathLength == nameLength else { return nil }
        let blobID = ObjectID(bytes: UnsafeRawBufferPointer(start: bytes.baseAddress! + idStart, count: 20))
        let stat = IndexStat(size: size, modificationSeconds: Int32(bitPattern: mtime), modificationNanoseconds: mtimeNanoseconds,
                             changeSeconds: Int32(bitPattern: ctime), changeNanoseconds: ctimeNanoseconds, inode: inode)
        return IndexFile.Entry(path: path, blobID: blobID, rawMode: mode,
                               stage: Int((flags >> 12) & 0x3), isIntentToAdd: isIntentToAdd, stat: stat)
    }

    private func firstNUL(from start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == 0 { return index }
            index += 1
        }
        return nil
    }

    private func peekUInt32(at position: Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        return UInt32(bytes[position]) << 24 | UInt32(bytes[position + 1]) << 16 | UInt32(bytes[position + 2]) << 8
            | UInt32(bytes[position + 3])
    }

    private mutating func readUInt32() -> UInt32? {
        guard let value = peekUInt32(at: offset) else { return nil }
        offset += 4
        return value
    }

    private mutating func readUInt16() -> UInt16? {
        guard offset + 2 <= bytes.count else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    /// Version 4's path-prefix length: git's offset varint (7 bits a byte, each continuation adding one).
    private mutating func readVarint() -> Int? {
        guard offset < bytes.count else { return nil }
        var byte = bytes[offset]
        offset += 1
        var value = Int(byte & 0x7f)
        while byte & 0x80 != 0 {
            guard offset < bytes.count, value < 1 << 40 else { return nil }
            byte = bytes[offset]
            offset += 1
            value = ((value + 1) << 7) | Int(byte & 0x7f)
        }
        return value
    }
}
