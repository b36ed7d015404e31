import Core
import Foundation

/// Whether git's configuration files could set a key, answered by reading them as text: when no file mentions
/// the key's last part (`autocrlf` of `core.autocrlf`) and none includes another file, the key is unset, and
/// libgit2 need not start just to say so (see `PlainRepositoryLocation`). Any doubt answers yes, and libgit2 reads
/// the value: an `include`, a `GIT_CONFIG*` environment variable, a file too large or unreadable.
enum ConfigurationFiles {
    static func mayDefine(_ key: String, repositoryConfig: String,
                          environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if environment.keys.contains(where: { $0.hasPrefix("GIT_CONFIG") }) { return true }
        guard let name = key.split(separator: ".").last?.lowercased() else { return true }
        let home = environment["HOME"] ?? ""
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        // The files libgit2 1.5 reads on Linux: system, XDG, global, repository.
        let files = ["/etc/gitconfig", configHome + "/git/config", home + "/.gitconfig", repositoryConfig]
        for file in files {
            var status = stat()
            if stat(file, &status) != 0 { continue }
            let limit = 1 << 20
            guard let bytes = try? DiskFile.read(file, limit: limit), bytes.count < limit else { return true }
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            if text.contains(name) || text.contains("include") { return true }
        }
        return false
    }
}
