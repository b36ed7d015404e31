#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output or standard error with `write(2)`, so that a full disk, a closed descriptor or a
/// reader that went away is an error the command reports (exit 2), never a crash (`FileHandle.write` traps) or
/// a silent success (`print` buffers and drops the error at exit).
public enum StandardStream {
    case output
    case error

    private var descriptor: Int32 { self == .output ? 1 : 2 }
    private var name: String { self == .output ? "standard output" : "standard error" }

    /// Writes all of `text`. A reader that closed the pipe (`schemalint check | head`) wants no more, so
    /// `EPIPE` ends the writing quietly; the run keeps its exit code.
    public func write(_ text: String) throws(InputError) {
        try write(bytes: Array(text.utf8))
    }

    /// `write` of UTF-8 bytes.
    public func write(bytes: [UInt8]) throws(InputError) {
        var offset = 0
        while offset < bytes.count {
            // Read in place: a mutable view of the caller's array copied the whole report first.
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Darwin)
                Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            if code == EINTR || code == EAGAIN { continue }
            if code == EPIPE { return }
            throw InputError(path: name, reason: String(cString: strerror(code)))
        }
    }

    /// Ends the process with `code` without running the C libraries' exit-time destructors (`_exit`): a run may end
    /// while another thread is still inside a library's start-up (libgit2 loading its certificates, which starts
    /// in the background before the configuration is even read), and `exit` tearing the library down under that
    /// thread ended an exit-2 run with a segfault instead, on a machine whose cores were all busy. Everything the
    /// process writes goes out with `write(2)` unbuffered; stdio is flushed first for anything else.
    public static func exitProcess(_ code: Int32) -> Never {
        fflush(nil)
        _exit(code)
    }

    /// Call once at start. A closed pipe becomes an `EPIPE` error instead of a signal that ends the process. A
    /// standard descriptor that was closed (`>&-`) is taken by `/dev/null` opened read-only: otherwise the next
    /// file the run opens would get its number and receive the report, and writes now fail with `EBADF`.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 {
            _ = open("/dev/null", O_RDONLY)
        }
    }
}
