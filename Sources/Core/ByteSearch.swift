/// Finding bytes in bytes with libc's `memmem`, a vectorised two-way search: scanning byte by byte in Swift (or
/// jumping with `memchr` to each first byte) costs several times more on the megabytes of code and snapshots a
/// monorepo run searches. The one declaration of `memmem` in the project.
public enum ByteSearch {
    /// Where `needle` first starts in `bytes`, or nil (also for an empty needle).
    public static func firstIndex(of needle: UnsafeRawBufferPointer, in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, let wanted = needle.baseAddress, !needle.isEmpty,
              let found = memmem(base, bytes.count, wanted, needle.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Where `needle` first starts in `bytes` at or after `start`, or nil.
    public static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard start >= 0, start < bytes.count else { return nil }
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { wanted in
                firstIndex(of: wanted, in: UnsafeRawBufferPointer(rebasing: haystack[start...])).map { start + $0 }
            }
        }
    }
}

/// glibc's `memmem`, which the Glibc module does not export (a GNU extension, declared only with `_GNU_SOURCE`).
@_silgen_name("memmem")
private func memmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?
