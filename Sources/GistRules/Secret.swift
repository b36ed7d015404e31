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
            JSONPathWalk.walk(root) { visit in
                guard case .string(let value) = visit.node.value else { return true }
                if let kind = TokenPatterns.kind(of: value) {
                    let pointer = visit.path.pointer
                    guard !allowed.contains(pointer) else { return true }
                    context.report(
                        path: file.path, range: visit.node.range,
                        message: "\(TokenPatterns.article(kind)) \(kind) is stored at `\(visit.path.displayPointer)`",
                        help: "revoke the credential, remove it from the Gist (and its history), and read it from a secret store or environment variable")
                } else if let key = visit.key, SecretKeyNames.isSecretKey(key), SecretKeyNames.isLiteral(value) {
                    let pointer = visit.path.pointer
                    guard !allowed.contains(pointer) else { return true }
                    context.report(
                        path: file.path, range: visit.node.range,
                        message: "literal credential in `\(key)` at `\(visit.path.displayPointer)`",
                        help: "keep a reference (such as an environment variable name) in the Gist, and the value in a secret store")
                }
                return true
            }
        }
    }
}
