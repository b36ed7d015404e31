import Core
import Gists
import JSON
import ProjectModel

/// `gist/personal-data`: e-mail addresses, phone numbers and other personal data in Gist files, and schema
/// properties meant to hold them. A Gist is readable by anyone with its URL and keeps every revision, which
/// makes erasure requests impossible to honour.
public struct PersonalData: ProjectRule {
    public let id = "gist/personal-data"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for file in project.gists.files {
            guard let root = file.document else { continue }
            if file.role == .schema {
                checkSchema(root, path: file.path, context)
            } else {
                checkData(root, path: file.path, context)
            }
        }
    }

    /// Values that are personal data, each key name once per file (a list of 500 subscribers is one finding).
    private func checkData(_ root: JSONNode, path: String, _ context: RuleContext) {
        var seen = Set<String>()
        // Records repeat their keys: classify each distinct key once.
        var kindOfKey: [String: String?] = [:]
        JSONPathWalk.walk(root) { visit in
            let (key, node) = (visit.key, visit.node)
            let keyKind = key.flatMap { key in
                kindOfKey[key] ?? {
                    let kind = PersonalDataPatterns.kind(ofKey: key)
                    kindOfKey[key] = kind
                    return kind
                }()
            }
            let kind: String?
            switch node.value {
            case .string(let text) where !text.isEmpty:
                if PersonalDataPatterns.personalEmail(in: text) && (keyKind == nil || keyKind == "e-mail address") {
                    kind = "e-mail address"
                } else if PersonalDataPatterns.isPhoneNumber(text, keyNamesPhone: keyKind == "phone number") {
                    kind = "phone number"
                } else {
                    kind = keyKind == "e-mail address" || keyKind == "phone number" ? nil : keyKind
                }
            case .number where keyKind == "phone number" || keyKind == "national identifier":
                kind = keyKind
            default:
                kind = nil
            }
            guard let kind, seen.insert(key ?? "").inserted else { return true }
            context.report(
                path: path, range: node.range,
                message: "\("aeiou".contains(kind.first ?? "x") ? "an" : "a") \(kind) is stored at `\(visit.path.displayPointer)`; a Gist is readable by anyone with its URL and keeps every revision",
                help: "keep personal data in PostgreSQL and store only an opaque user id in the Gist")
            return true
        }
    }

    /// Property definitions for personal data: by name, or by `format: email`; each name once per file.
    private func checkSchema(_ root: JSONNode, path: String, _ context: RuleContext) {
        var seen = Set<String>()
        SchemaWalk.forEachSchema(root) { schema in
            guard schema.keyword == "properties", let holder = schema.holder else { return }
            let format = schema.node["format"]?.stringValue
            let byFormat = (format == "email" || format == "idn-email")
                && !KeyWords.words(holder.key).contains(where: PersonalDataPatterns.roleWords.contains)
            guard let kind = PersonalDataPatterns.kind(ofKey: holder.key) ?? (byFormat ? "e-mail address" : nil),
                  seen.insert(holder.key).inserted else { return }
            context.report(
                path: path, range: holder.keyRange,
                message: "property `\(holder.key)` holds a person's \(kind); a Gist is readable by anyone with its URL and keeps every revision",
                help: "keep personal data in PostgreSQL and reference the person by an opaque id in the Gist")
        }
    }
}
