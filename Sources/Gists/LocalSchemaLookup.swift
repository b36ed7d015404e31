import Foundation

/// Where a `$ref` target that no loaded schema declares is looked for on disk, the same way by `validate` and by
/// `check`: a `file:` target as that file, then that name plus `.json`; any other URL (nothing is ever fetched) as
/// the file named by its last path segment, or that plus `.json`, in the given folders (the referring schema's).
public enum LocalSchemaLookup {
    /// Candidate file paths in the order they are tried; `target` is an absolute URI (its fragment ignored).
    public static func candidates(for target: String, folders: [String]) -> [String] {
        let parts = URIParts(target)
        if parts.scheme == "file" {
            let path = parts.path.removingPercentEncoding ?? parts.path
            return [path, path + ".json"]
        }
        guard let last = parts.path.split(separator: "/").last.map(String.init), !last.isEmpty else { return [] }
        let name = last.removingPercentEncoding ?? last
        return folders.flatMap { folder in
            let prefix = folder.isEmpty ? "" : folder + "/"
            return [prefix + name, prefix + name + ".json"]
        }
    }

    /// Whether a target can only be fetched: a URL that is not a `file:` one.
    public static func isRemote(_ target: String) -> Bool {
        let scheme = URIParts(target).scheme
        return !scheme.isEmpty && scheme != "file" && scheme != "urn"
    }
}

/// The scheme and path of an absolute URI (enough to map it to a file).
public struct URIParts {
    public var scheme: String
    public var path: String

    public init(_ uri: String) {
        let withoutFragment = uri.prefix { $0 != "#" && $0 != "?" }
        guard let colon = withoutFragment.firstIndex(of: ":") else {
            scheme = ""
            path = String(withoutFragment)
            return
        }
        scheme = withoutFragment[..<colon].lowercased()
        var rest = withoutFragment[withoutFragment.index(after: colon)...]
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            rest = rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...]
        }
        path = String(rest)
    }
}
