import CGit2
import Core

/// A SHA-1 object id (20 bytes), stored inline so ids are cheap to copy, compare and hash.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    // The 20 bytes as three words, in the byte order of `git_oid` (round-trips exactly; only `hex` interprets them).
    private let first: UInt64
    private let second: UInt64
    private let third: UInt32

    init(_ oid: git_oid) {
        var copy = oid.id
        (first, second, third) = withUnsafeBytes(of: &copy) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    /// The 20 raw bytes of an id, as git stores them in index files and trees.
    init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 20)
        first = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        second = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        third = bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    /// Parses 40 hexadecimal digits (either case); nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 40 else { return nil }
        var oid = git_oid()
        let parsed = withUnsafeMutableBytes(of: &oid.id) { raw -> Bool in
            for index in 0..<20 {
                guard let high = Self.nibble(digits[2 * index]), let low = Self.nibble(digits[2 * index + 1]) else {
                    return false
                }
                raw[index] = high << 4 | low
            }
            return true
        }
        guard parsed else { return nil }
        self.init(oid)
    }

    /// The id as the key facts about a blob's bytes are kept under (`FileSource.contentID`).
    public var contentID: ContentID { ContentID(first: first, second: second, third: third) }

    var gitOID: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: first, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: second, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: third, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// The 40 lower-case hexadecimal digits git prints.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var oid = gitOID
        return withUnsafeBytes(of: &oid.id) { raw in
            String(unsafeUninitializedCapacity: 40) { buffer in
                for (index, byte) in raw.enumerated() {
                    buffer[2 * index] = digits[Int(byte >> 4)]
                    buffer[2 * index + 1] = digits[Int(byte & 0x0f)]
                }
                return 40
            }
        }
    }

    public var description: String { hex }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
