import Core
import ProjectModel

/// `gist/size-limit`: the Gist API truncates file contents over 1 MB; warn from 512 KB.
public struct SizeLimit: ProjectRule {
    public let id = "gist/size-limit"
    public let facets: Facets = [.gists]
    public init() {}

    static let truncationLimit = 1_048_576
    static let warningLimit = 524_288

    public func check(_ project: Project, _ context: RuleContext) {
        let errorAt = context.options.integer("errorBytes") ?? Self.truncationLimit
        let warnAt = context.options.integer("warningBytes") ?? Self.warningLimit
        for file in project.gists.files {
            let size = file.source.bytes.count
            guard size > warnAt else { continue }
            let over = size > errorAt
            // Point at the first line: the whole file is the problem, and a one-line span renders well.
            let firstLine = file.source.lineIndex.lineRange(0, in: file.source.bytes)
            context.report(
                path: file.path, range: firstLine.lowerBound..<max(firstLine.upperBound, firstLine.lowerBound + 1),
                message: "file is \(Self.describe(size)), over the \(Self.describe(over ? errorAt : warnAt)) "
                    + (over ? "limit above which the Gist API truncates content" : "warning threshold (the Gist API truncates at \(Self.describe(errorAt)))"),
                help: "split the data across several Gist files, or move growing data to PostgreSQL",
                severity: over ? .error : .warning)
        }
    }

    static func describe(_ bytes: Int) -> String {
        if bytes >= 1_048_576 {
            let tenths = (bytes * 10 + 524_288) / 1_048_576
            return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        return "\((bytes + 512) / 1024) KB"
    }
}
