#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Models a one-shot command keeps until the process exits. Freeing a project's models object by object (every
/// parsed statement, table and finding) cost a tenth of a `check` of a migrations folder; the exit that follows
/// returns the memory at once. Only for commands that exit after one run: a long-lived caller (the language server,
/// the tests) would keep every run's models.
public enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    public static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}

extension ProcessLifetime {
    /// Tells the C allocator that this process runs once and exits: freed memory stays with it for the next
    /// allocation instead of going back to the kernel (`M_TRIM_THRESHOLD`), and the heap grows in steps of 64 MB
    /// (`M_TOP_PAD`), so that the pages a run frees are reused rather than faulted in again. A fifth of a
    /// `check`'s samples were page faults; this made the corpus migrations check 8% faster at the same peak memory
    /// (N = 10,000 synthetic repository: 880 MB either way). Only for one-shot commands: a long-lived process (the
    /// language server) would hold on to its largest run's memory.
    public static func prepareForOneRun() {
        #if canImport(Glibc)
        // `mallopt` is in <malloc.h>, which Swift's Glibc module leaves out: looked up by name in the C library
        // already loaded (RTLD_DEFAULT). The options are <malloc.h>'s M_TRIM_THRESHOLD (-1) and M_TOP_PAD (-2).
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-1, 256 << 20)
        _ = mallopt(-2, 64 << 20)
        #endif
    }
}
