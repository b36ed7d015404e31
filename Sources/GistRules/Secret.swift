import Core
import JSON
import ProjectModel

/// `gist/secret`: credentials in a Gist file. A secret Gist is readable by anyone who has its URL.
public struct Secret: ProjectRule {
    public let id = "gist/secret"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let allowed = Set(context.options.strings("allow"))
        for file in project.gists.dataFiles {
            guard let root = file.document else { continue }
            JSONPathWalk.walk(root) { visit in
                guard case .string(let value) = visit.node.value, let (message, help) = Self.problem(value, key: visit.key, at: visit.path),
                      !allowed.contains(visit.path.pointer) else { return true }
                context.report(path: file.path, range: visit.node.range, message: message, help: help)
                return true
            }
        }
    }

    /// The message and help for a string value that is a credential, or nil.
    private static func problem(_ value: String, key: String?, at path: JSONPath) -> (String, String)? {
        if let kind = CredentialPatterns.kind(of: value) {
            return ("\(article(kind)) \(kind) is stored at `\(path.displayPointer)`",
                    "revoke the credential, remove it from the Gist (and its history), and read it from a secret store or environment variable")
        }
        if let key, SecretKeyNames.isSecretKey(key), SecretKeyNames.isLiteral(value) {
            return ("literal credential in `\(key)` at `\(path.displayPointer)`",
                    "keep a reference (such as an environment variable name) in the Gist, and the value in a secret store")
        }
        return nil
    }

    /// "a" or "an" before a credential kind.
    private static func article(_ kind: String) -> String {
        "AEIOU".contains(kind.first ?? "x") ? "an" : "a"
    }
}
