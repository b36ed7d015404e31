/// Instructions of the backtracking matcher. Slots hold capture bounds (`2n`, `2n+1`) and loop positions.
enum RegexInstruction: Sendable {
    case scalar(UInt32)
    case any
    case characterClass(Int)
    /// Try `preferred` first, then `alternative` on backtracking.
    case split(preferred: Int, alternative: Int)
    case jump(Int)
    case save(slot: Int)
    case lineStart
    case lineEnd
    case wordBoundary(negated: Bool)
    case backreference(group: Int)
    case lookaround(program: Int, behind: Bool, negated: Bool)
    /// Remember the position at the start of a loop iteration …
    case loopEnter(slot: Int)
    /// … and refuse an iteration that consumed nothing (stops `(a*)*` from looping forever).
    case loopCheck(slot: Int)
    case match
}

/// A compiled pattern: the main program (index 0) and one sub-program per lookaround.
struct RegexProgram: Sendable {
    var programs: [[RegexInstruction]]
    var classes: [CharacterClass]
    var slotCount: Int
    var captureCount: Int
    /// The pattern starts with `^`: only position 0 can match.
    var anchoredAtStart: Bool

    static let maximumInstructions = 20_000

    init(_ root: RegexNode, captureCount: Int, captureNames: [String: Int]) throws(RegexSyntaxError) {
        var compiler = RegexCompiler(captureNames: captureNames, slotCount: 2 * (captureCount + 1))
        var main: [RegexInstruction] = []
        try compiler.emit(root, into: &main)
        main.append(.match)
        compiler.programs[0] = main
        programs = compiler.programs
        classes = compiler.classes
        slotCount = compiler.slotCount
        self.captureCount = captureCount
        if case .lineStart = main.first { anchoredAtStart = true } else { anchoredAtStart = false }
    }
}

private struct RegexCompiler {
    let captureNames: [String: Int]
    var slotCount: Int
    var programs: [[RegexInstruction]] = [[]]
    var classes: [CharacterClass] = []
    var size = 0

    init(captureNames: [String: Int], slotCount: Int) {
        self.captureNames = captureNames
        self.slotCount = slotCount
    }

    mutating func emit(_ node: RegexNode, into code: inout [RegexInstruction]) throws(RegexSyntaxError) {
        size += 1
        if code.count > RegexProgram.maximumInstructions || size > RegexProgram.maximumInstructions * 4 {
            throw RegexSyntaxError(message: "pattern is too large (repetition counts too high)", offset: 0)
        }
        switch node {
        case .empty:
            break
        case .scalar(let scalar):
            code.append(.scalar(scalar.value))
        case .any:
            code.append(.any)
        case .characterClass(let characterClass):
            classes.append(characterClass)
            code.append(.characterClass(classes.count - 1))
        case .lineStart:
            code.append(.lineStart)
        case .lineEnd:
            code.append(.lineEnd)
        case .wordBoundary(let negated):
            code.append(.wordBoundary(negated: negated))
        case .group(let body, let capture):
            if let capture { code.append(.save(slot: 2 * capture)) }
            try emit(body, into: &code)
            if let capture { code.append(.save(slot: 2 * capture + 1)) }
        case .lookaround(let body, let behind, let negated):
            var sub: [RegexInstruction] = []
            try emit(body, into: &sub)
            sub.append(.match)
            programs.append(sub)
            code.append(.lookaround(program: programs.count - 1, behind: behind, negated: negated))
        case .backreference(let group):
            code.append(.backreference(group: group))
        case .namedBackreference(let name):
            guard let group = captureNames[name] else {
                throw RegexSyntaxError(message: "unknown group name `\(name)`", offset: 0)
            }
            code.append(.backreference(group: group))
        case .concatenation(let items):
            for item in items { try emit(item, into: &code) }
        case .alternation(let branches):
            var jumpsToEnd: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = code.count
                    code.append(.split(preferred: split + 1, alternative: 0))
                    try emit(branch, into: &code)
                    jumpsToEnd.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(preferred: split + 1, alternative: code.count)
                } else {
                    try emit(branch, into: &code)
                }
            }
            for jump in jumpsToEnd { code[jump] = .jump(code.count) }
        case .repetition(let body, let minimum, let maximum, let greedy):
            for _ in 0..<minimum { try emit(body, into: &code) }
            if let maximum {
                // Nested optionals: x{0,3} is (x(x(x)?)?)?, which backtracks linearly.
                var splits: [Int] = []
                for _ in minimum..<max(minimum, maximum) {
                    splits.append(code.count)
                    code.append(.split(preferred: 0, alternative: 0))
                    try emit(body, into: &code)
                }
                let end = code.count
                for split in splits { code[split] = optional(from: split, to: end, greedy: greedy) }
            } else {
                let slot = slotCount
                slotCount += 1
                let loop = code.count
                code.append(.split(preferred: 0, alternative: 0))
                code.append(.loopEnter(slot: slot))
                try emit(body, into: &code)
                code.append(.loopCheck(slot: slot))
                code.append(.jump(loop))
                code[loop] = optional(from: loop, to: code.count, greedy: greedy)
            }
        }
    }

    private func optional(from split: Int, to end: Int, greedy: Bool) -> RegexInstruction {
        greedy ? .split(preferred: split + 1, alternative: end) : .split(preferred: end, alternative: split + 1)
    }
}
