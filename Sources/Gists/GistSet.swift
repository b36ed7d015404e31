import Core

/// The Gist files of a project, and which schema each data file names.
public struct GistSet: Sendable {
    public var files: [GistFile]
    /// Data file path → schema file path, from `$schema` or `gists.map`.
    public var schemaOfData: [String: String]

    public init(files: [GistFile], schemaOfData: [String: String]) {
        self.files = files
        self.schemaOfData = schemaOfData
    }

    public var dataFiles: [GistFile] { files.filter { $0.role == .data } }
    public var schemaFiles: [GistFile] { files.filter { $0.role == .schema } }

    public func file(_ path: String) -> GistFile? { files.first { $0.path == path } }

    /// Links data files to schemas: `gists.map` first, then a `$schema` that is a relative path or a schema's `$id`.
    public static func link(files: [GistFile], map: [String: String]) -> GistSet {
        let schemas = files.filter { $0.role == .schema }
        let schemaPaths = Set(schemas.map(\.path))
        var byID: [String: String] = [:]
        for schema in schemas {
            if let id = schema.document?["$id"]?.stringValue { byID[id] = schema.path }
        }
        var links: [String: String] = [:]
        for data in files where data.role == .data {
            if let mapped = map[data.path] {
                links[data.path] = mapped
            } else if let reference = data.document?["$schema"]?.stringValue {
                let relative = RelativePath.resolve(reference, from: data.path)
                if schemaPaths.contains(relative) {
                    links[data.path] = relative
                } else if let byIdentifier = byID[reference] {
                    links[data.path] = byIdentifier
                }
            }
        }
        return GistSet(files: files, schemaOfData: links)
    }
}
