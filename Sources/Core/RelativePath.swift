/// Repository-relative path arithmetic on `/`-separated paths.
public enum RelativePath {
    /// Resolves `reference` (relative to the folder of `file`) to a repository-relative path.
    public static func resolve(_ reference: String, from file: String) -> String {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in reference.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
