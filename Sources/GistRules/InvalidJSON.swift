import Core
import ProjectModel

/// `gist/invalid-json`: a Gist data or schema file that is not valid JSON.
public struct InvalidJSON: ProjectRule {
    public let id = "gist/invalid-json"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for file in project.gists.files {
            guard case .invalid(let problem) = file.content else { continue }
            context.report(
                path: file.path, range: problem.range,
                message: "`\(file.path.split(separator: "/").last ?? "")` is not valid JSON: \(problem.message)",
                help: "fix the JSON syntax; the Gist is read with `JSON.parse`, which accepts no comments or trailing commas",
                fixes: problem.isTrailingComma
                    ? [Fix("remove the trailing comma", edits: [TextEdit(path: file.path, range: problem.range, replacement: "")], isSafe: true)]
                    : [])
        }
    }
}
