/// Linear-time matching for patterns without backreferences or lookaround (nearly all JSON Schema patterns):
/// a Thompson NFA simulation over the same program the backtracking machine runs. Every thread that reaches
/// an instruction at one input position is kept once, so a search costs at most program size × input length
/// steps whatever the pattern (`^(a+)+$`, `(a?){40}a{40}` are linear). Program size can still be large
/// (`a{0,6000}b` keeps 6,000 threads alive on a run of `a`s), so the threads stepped are taken from the budget.
///
/// Only whether a match exists is computed, not where or with which captures, which is all `pattern` needs.
/// ECMA-262's "an iteration must not match empty" check changes which match backtracking finds, never
/// whether one exists, so loop checks are plain epsilon moves here; the per-position visited set is what
/// stops empty loops.
struct RegexNFA {
    let code: [RegexInstruction]
    let classes: [CharacterClass]

    /// `nil` when the program needs the backtracking machine (backreferences or lookaround).
    init?(_ program: RegexProgram) {
        guard program.programs.count == 1 else { return nil }
        for instruction in program.programs[0] {
            if case .backreference = instruction { return nil }
            if case .lookaround = instruction { return nil }
        }
        code = program.programs[0]
        classes = program.classes
    }

    /// Whether the program matches `input` starting anywhere (only at 0 when `anchored`); nil when `budget` ran
    /// out first. Each position costs the threads alive at it (the closure work is proportional to them).
    func matches(_ input: [Unicode.Scalar], anchored: Bool, budget: inout Int) -> Bool? {
        var current = ThreadList(capacity: code.count)
        var next = ThreadList(capacity: code.count)
        var stack: [Int] = []
        for position in 0...input.count {
            if !anchored || position == 0 {
                if addClosure(of: 0, at: position, input, into: &current, stack: &stack) { return true }
            }
            if position == input.count || (anchored && current.isEmpty) { return false }
            budget -= current.items.count + 1
            if budget <= 0 { return nil }
            let scalar = input[position]
            next.clear()
            for pc in current.items {
                let accepts: Bool
                switch code[pc] {
                case .scalar(let value): accepts = scalar.value == value
                case .any: accepts = !isLineTerminator(scalar.value)
                case .characterClass(let index): accepts = classes[index].contains(scalar)
                default: accepts = false
                }
                if accepts, addClosure(of: pc + 1, at: position + 1, input, into: &next, stack: &stack) { return true }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds the threads reachable from `start` without consuming input; true as soon as one reaches `match`.
    private func addClosure(of start: Int, at position: Int, _ input: [Unicode.Scalar], into list: inout ThreadList,
                            stack: inout [Int]) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch code[pc] {
            case .match:
                stack.removeAll(keepingCapacity: true)
                return true
            case .split(let preferred, let alternative):
                stack.append(alternative)
                stack.append(preferred)
            case .jump(let target):
                stack.append(target)
            case .save, .loopEnter, .loopCheck:
                stack.append(pc + 1)
            case .lineStart:
                if position == 0 { stack.append(pc + 1) }
            case .lineEnd:
                if position == input.count { stack.append(pc + 1) }
            case .wordBoundary(let negated):
                let before = position > 0 && isECMAWord(input[position - 1].value)
                let after = position < input.count && isECMAWord(input[position].value)
                if (before != after) != negated { stack.append(pc + 1) }
            case .scalar, .any, .characterClass, .backreference, .lookaround:
                // Consuming instructions wait for the next input scalar (`insert` kept them in the list).
                continue
            }
        }
        return false
    }
}

/// The instructions reached at one input position: a sparse set (insertion order, O(1) membership and clear).
private struct ThreadList {
    private(set) var items: [Int] = []
    private var generation: [Int]
    private var stamp = 1

    init(capacity: Int) {
        generation = Array(repeating: 0, count: capacity)
    }

    var isEmpty: Bool { items.isEmpty }

    mutating func insert(_ pc: Int) -> Bool {
        guard generation[pc] != stamp else { return false }
        generation[pc] = stamp
        items.append(pc)
        return true
    }

    mutating func clear() {
        items.removeAll(keepingCapacity: true)
        stamp += 1
    }
}
