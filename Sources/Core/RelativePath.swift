/// Repository-relative path arithmetic on `/`-separated paths (no file system access).
public enum RelativePath {
    /// The folder part of `path` (`""` for a file at the root).
    /// The last component of a `/`-separated path.
    public static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `base` joined with `relative`, with `.` and `..` resolved; nil when `..` climbs above the root.
    public static func join(_ base: String, _ relative: String) -> String? {
        components(base, relative, clampingAtRoot: false)?.joined(separator: "/")
    }

    /// Resolves `reference` (relative to the folder of `file`); `..` past the root stays at the root, as URI
    /// resolution does.
    public static func resolve(_ reference: String, from file: String) -> String {
        (components(directory(of: file), reference, clampingAtRoot: true) ?? []).joined(separator: "/")
    }

    private static func components(_ base: String, _ relative: String, clampingAtRoot: Bool) -> [String]? {
        var parts = base.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty {
                    if clampingAtRoot { continue }
                    return nil
                }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts
    }
}
