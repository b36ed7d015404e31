import Core
import Foundation

/// Reads the configuration that applies to a folder on disk: an explicit `--config` file, else the discovered
/// `.schemalint.yml`, else the defaults. Errors are exit-2 usage failures with the file, line and column.
public enum ConfigurationLoading {
    /// A configuration and the folder a check reads from (SPEC §1: the repository is the unit of reading): the
    /// discovered `.schemalint.yml`'s folder, whose paths are relative to it; else the git root; else the folder.
    public struct Resolved {
        public var configuration: Configuration
        /// The configuration file, its path relative to `root` (absolute when outside it).
        public var file: SourceFile?
        public var root: URL
    }

    public static func resolve(for folder: URL, explicitPath: String?, catalog: RuleCatalog) throws(UsageFailure) -> Resolved {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageFailure("cannot read \(folder.path): no such folder")
        }
        let discovered = explicitPath == nil ? ConfigurationLocator.find(from: folder) : nil
        let root = discovered?.deletingLastPathComponent().standardizedFileURL
            ?? ConfigurationLocator.gitRoot(of: folder) ?? folder.standardizedFileURL
        guard let url = explicitPath.map({ URL(fileURLWithPath: $0) }) ?? discovered else {
            return Resolved(configuration: Configuration(), file: nil, root: root)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UsageFailure("cannot read configuration \(url.path)")
        }
        let (configuration, file) = try parse(Array(data), path: CheckRunner.relativePath(of: url, to: root), catalog: catalog)
        return Resolved(configuration: configuration, file: file, root: root)
    }

    /// The configuration alone, its file named relative to `folder` (for tools that read one folder).
    public static func load(for folder: URL, explicitPath: String?, catalog: RuleCatalog) throws(UsageFailure) -> (Configuration, SourceFile?) {
        let resolved = try resolve(for: folder, explicitPath: explicitPath, catalog: catalog)
        return (resolved.configuration, resolved.file)
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
