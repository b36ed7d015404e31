import Foundation

/// Where a configured path really leads, and whether that stays inside the repository: `..`, absolute paths
/// and symlinks are all resolved the way the file system will, so `.schemalint.yml` cannot make a run read or
/// write a file outside the repository it checks (`baseline: ../victim.txt`, a baseline symlink to `/etc`).
public enum ContainedPath {
    /// `path` (absolute) with every symlink of its existing part resolved; the part that does not exist yet
    /// is appended with `.` and `..` resolved lexically, as creating it would.
    public static func resolved(_ path: String) -> String {
        var existing = path
        var missing: [String] = []
        while !existing.isEmpty, existing != "/" {
            if let real = realPath(existing) { return join(real, missing) }
            let url = URL(fileURLWithPath: existing)
            missing.insert(url.lastPathComponent, at: 0)
            existing = url.deletingLastPathComponent().path
        }
        return join("/", missing)
    }

    /// Whether `path` (absolute) resolves to `root` or somewhere below it (`root` resolved too).
    public static func isInside(_ path: String, root: String) -> Bool {
        let resolvedRoot = resolved(root)
        let target = resolved(path)
        let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        return target == resolvedRoot || target.hasPrefix(prefix)
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func join(_ base: String, _ components: [String]) -> String {
        var parts = base.split(separator: "/").map(String.init)
        for component in components {
            switch component {
            case ".", "": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
