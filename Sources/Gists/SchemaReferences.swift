import Core
import JSON

/// Resolves `$ref`s between the project's schema files without the validator: `#/$defs/x` in the same file,
/// `./other.schema.json#/$defs/x` by relative path, or a schema's `$id`. Enough for rules that look at what a
/// schema describes; anything else (remote URLs, anchors) is left unresolved.
public struct SchemaReferences: Sendable {
    public let gists: GistSet
    private let pathsByID: [String: String]

    public init(_ gists: GistSet) {
        self.gists = gists
        var byID: [String: String] = [:]
        for file in gists.schemaFiles {
            if let id = file.document?["$id"]?.stringValue { byID[id] = file.path }
        }
        pathsByID = byID
    }

    /// The file and node a `$ref` written in `path` points at.
    public func resolve(_ reference: String, from path: String) -> (path: String, node: JSONNode)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let documentPart = String(parts.first ?? "")
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        let target: String
        if documentPart.isEmpty {
            target = path
        } else if let byID = pathsByID[documentPart] {
            target = byID
        } else if documentPart.contains("://") {
            return nil
        } else {
            target = RelativePath.resolve(documentPart, from: path)
        }
        guard let root = gists.file(target)?.document, let node = root.node(at: fragment) else { return nil }
        return (target, node)
    }

    /// Follows `$ref`s (a few hops) to the schema that actually describes the value.
    public func dereference(_ schema: JSONNode, in path: String) -> (path: String, node: JSONNode) {
        var current = (path: path, node: schema)
        for _ in 0..<8 {
            guard let reference = current.node["$ref"]?.stringValue, let next = resolve(reference, from: current.path) else { break }
            current = next
        }
        return current
    }

    /// Schema files that another schema file references (shared definitions rather than documents of their own).
    public func referencedFiles() -> Set<String> {
        var referenced = Set<String>()
        for file in gists.schemaFiles {
            guard let root = file.document else { continue }
            SchemaWalk.forEachSchema(root) { schema in
                guard let reference = schema.node["$ref"]?.stringValue, !reference.hasPrefix("#"),
                      let target = resolve(reference, from: file.path), target.path != file.path else { return }
                referenced.insert(target.path)
            }
        }
        return referenced
    }
}
