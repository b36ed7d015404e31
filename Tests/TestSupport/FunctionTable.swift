#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Checks a table of C function pointers filled by `dlsym` (Git's `LibGit2.Functions`, Postgres's
/// `LibPQ.Functions`): each field must hold the function its name names. The tables are filled field by field with
/// the name written twice (label and string); a slip between two functions of one signature would type-check.
public enum FunctionTable {
    /// The names of the fields of `table` whose pointer is not `dlsym(library, name)`; [] when all match. Every
    /// field must be a function pointer (the table is read as consecutive pointers, in the order `Mirror` lists
    /// the fields).
    public static func mismatchedFields<Table>(of table: Table, library: String) -> [String] {
        guard let handle = dlopen(library, RTLD_LAZY | RTLD_LOCAL) else { return ["(cannot load \(library))"] }
        let names = Mirror(reflecting: table).children.map { $0.label ?? "?" }
        guard names.count * MemoryLayout<UnsafeRawPointer>.size == MemoryLayout<Table>.size else {
            return ["(\(names.count) fields listed for a table of \(MemoryLayout<Table>.size) bytes)"]
        }
        return withUnsafeBytes(of: table) { bytes in
            names.enumerated().compactMap { index, name in
                let stored = bytes.load(fromByteOffset: index * MemoryLayout<UnsafeRawPointer>.size, as: UnsafeRawPointer?.self)
                return stored == UnsafeRawPointer(dlsym(handle, name)) ? nil : name
            }
        }
    }
}

extension FunctionTable {
    /// What loading said when it failed (the error's description), or nil when it loaded.
    public static func failure(_ load: () throws -> Any) -> String? {
        do { _ = try load() } catch { return "\(error)" }
        return nil
    }
}
