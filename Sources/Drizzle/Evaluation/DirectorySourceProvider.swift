import Foundation

/// Reads files below a root folder on disk (the work tree).
public struct DirectorySourceProvider: SourceProvider {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    private func absolute(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }

    public func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: absolute(path)).map { [UInt8]($0) }
    }

    public func fileExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func files(under folder: String) -> [String] {
        let base = absolute(folder == "." ? "" : folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasPrefix("node_modules") || relative.contains("/node_modules/") {
                enumerator.skipDescendants()
                continue
            }
            let path = folder.isEmpty || folder == "." ? relative : folder + "/" + relative
            if fileExists(path) { result.append(path) }
        }
        return result.sorted()
    }
}
