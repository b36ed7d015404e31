import Core

/// Path helpers of the module resolver, on top of Core's `RelativePath`.
enum RepositoryPath {
    static func normalize(_ path: String) -> String { RelativePath.join("", path) ?? path }

    static func hasExtension(_ path: String, _ extensions: [String]) -> Bool {
        extensions.contains { path.hasSuffix($0) }
    }
}
