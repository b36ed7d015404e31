/// Repository-relative, `/`-separated path arithmetic (no file system access).
enum RepositoryPath {
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `base` joined with `relative`, with `.` and `..` resolved; nil when `..` climbs above the root.
    static func join(_ base: String, _ relative: String) -> String? {
        var parts = base.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    static func normalize(_ path: String) -> String { join("", path) ?? path }

    static func hasExtension(_ path: String, _ extensions: [String]) -> Bool {
        extensions.contains { path.hasSuffix($0) }
    }
}
