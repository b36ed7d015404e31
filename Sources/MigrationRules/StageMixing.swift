import Core
import ProjectModel
import SQLReplay

/// `migration/stage-mixing`: one migration holds changes of more than one deployment stage, so the
/// application cannot be deployed between them.
public struct StageMixing: ProjectRule {
    public let id = "migration/stage-mixing"
    public let facets: Facets = [.migrations]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        var judged: [(path: String, changes: [StagedChange])] = []
        project.forEachJudgedStatement { site, schema in
            if judged.last?.path != site.path { judged.append((site.path, [])) }
            judged[judged.count - 1].changes += StageClassifier.changes(of: site.statement, in: site.contents, schema: schema)
        }
        for (path, changes) in judged {
            guard let earliest = changes.min(by: { $0.stage < $1.stage }) else { continue }
            // Report the first change of each later stage, against the earliest stage's first change.
            for stage in DeploymentStage.allCases where stage > earliest.stage {
                guard let first = changes.first(where: { $0.stage == stage }) else { continue }
                context.report(
                    path: path, range: first.range,
                    message: "this migration \(first.summary) (\(stage.title)) and also \(earliest.summary) (\(earliest.stage.title)): the application cannot be deployed between the two stages",
                    help: "move the stage \(stage.rawValue) changes to a later migration, deployed after the stage \(earliest.stage.rawValue) changes are live")
            }
        }
    }
}
