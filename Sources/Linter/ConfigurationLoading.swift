import Core
import Foundation

/// Reads the configuration that applies to a folder on disk: an explicit `--config` file, else the discovered
/// `.schemalint.yml`, else the defaults. Errors are exit-2 usage failures with the file, line and column.
public enum ConfigurationLoading {
    public static func load(for folder: URL, explicitPath: String?, catalog: RuleCatalog) throws(UsageFailure) -> (Configuration, SourceFile?) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageFailure("cannot read \(folder.path): no such folder")
        }
        let url = explicitPath.map { URL(fileURLWithPath: $0) } ?? ConfigurationLocator.find(from: folder)
        guard let url else { return (Configuration(), nil) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UsageFailure("cannot read configuration \(url.path)")
        }
        return try parse(Array(data), path: CheckRunner.relativePath(of: url, to: folder), catalog: catalog)
    }

    /// Parses configuration bytes (from disk or from the git index) named by a repository-relative path.
    public static func parse(_ bytes: [UInt8], path: String, catalog: RuleCatalog) throws(UsageFailure) -> (Configuration, SourceFile) {
        let file = SourceFile(path: path, bytes: bytes)
        do {
            return (try ConfigurationReader(catalog: catalog).read(bytes, file: path), file)
        } catch {
            throw UsageFailure(error.description)
        }
    }
}
