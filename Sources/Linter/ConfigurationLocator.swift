import Core
import Foundation

/// Finds `.schemalint.yml` for a folder: in the folder, else in its parents up to the git root (SPEC §2).
///
/// The walks go up the path as text and build a URL only for the folder found: a run asks for the git root six
/// times, and `URL`'s path operations made each walk cost 180 k instructions.
public enum ConfigurationLocator {
    public static func find(from folder: URL) -> URL? {
        let start = folder.standardizedFileURL
        var current = trimmed(start.path)
        var levels = 0
        while true {
            if FileManager.default.fileExists(atPath: child(ConfigurationReader.fileName, of: current)) {
                return ancestor(levels, of: start).appendingPathComponent(ConfigurationReader.fileName)
            }
            if FileManager.default.fileExists(atPath: child(".git", of: current)) { return nil }
            guard let parent = parent(of: current) else { return nil }
            current = parent
            levels += 1
        }
    }

    /// The nearest folder at or above `folder` that holds `.git`.
    public static func gitRoot(of folder: URL) -> URL? {
        let start = folder.standardizedFileURL
        var current = trimmed(start.path)
        var levels = 0
        while true {
            if FileManager.default.fileExists(atPath: child(".git", of: current)) { return ancestor(levels, of: start) }
            guard let parent = parent(of: current) else { return nil }
            current = parent
            levels += 1
        }
    }

    /// Without trailing slashes, so that each step up removes one component.
    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    private static func child(_ name: String, of path: String) -> String {
        path == "/" ? "/" + name : path + "/" + name
    }

    /// The folder holding `path` (a standardised absolute path); nil at the file system's root.
    private static func parent(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `url` with `levels` last components removed, as the URL operations give it.
    private static func ancestor(_ levels: Int, of url: URL) -> URL {
        var result = url
        for _ in 0..<levels { result = result.deletingLastPathComponent() }
        return result
    }
}
