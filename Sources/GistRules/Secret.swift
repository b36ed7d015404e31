import Core
import JSON
import ProjectModel

/// `gist/secret`: credentials in a Gist file. A secret Gist is readable by anyone who has its URL.
public struct Secret: ProjectRule {
    public let id = "gist/secret"
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let allowed = Set(context.options.strings("allow"))
        for file in project.gists.dataFiles {
            guard let root = file.document else { continue }
            JSONWalk.forEachValue(root) { pointer, key, node in
                guard !allowed.contains(pointer), case .string(let value) = node.value else { return }
                if let kind = TokenPatterns.kind(of: value) {
                    context.report(
                        path: file.path, range: node.range,
                        message: "\(TokenPatterns.article(kind)) \(kind) is stored at `\(pointer)`",
                        help: "revoke the credential, remove it from the Gist (and its history), and read it from a secret store or environment variable")
                } else if let key, SecretKeyNames.isSecretKey(key), SecretKeyNames.isLiteral(value) {
                    context.report(
                        path: file.path, range: node.range,
                        message: "literal credential in `\(key)` at `\(pointer)`",
                        help: "keep a reference (such as an environment variable name) in the Gist, and the value in a secret store")
                }
            }
        }
    }
}
