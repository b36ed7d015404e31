/// An ECMA-262 regular expression as JSON Schema uses them (`pattern`, `patternProperties`, format `regex`).
///
/// Own backtracking matcher instead of NSRegularExpression (ICU), because ICU differs from ECMA-262:
/// `\d`/`\w`/`\b` are ASCII-only here, `\s` is ECMA's whitespace set, `$` matches only at the very end (never
/// before a trailing newline), `.` excludes only the four line terminators, `\cX`, `\u{…}` and surrogate-pair
/// escapes work, and the input is matched by code point (the `u` flag), so `🐲*` repeats the whole emoji.
/// `\p{…}` supports General_Category names and a few binary properties (no scripts). Searches are unanchored.
///
/// Patterns without backreferences or lookaround run on `RegexNFA`, in time linear in the input (times the
/// number of threads alive at once, at most the program size). The others backtrack. Both spend steps from a
/// budget (`stepBudget` for one search, or one shared by every search of a validation); a search that runs out
/// has no answer (`nil`), never "no match".
public struct ECMARegex: Sendable {
    public let pattern: String
    let program: RegexProgram
    private let nfa: RegexNFA?

    public static let stepBudget = 2_000_000

    public init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let root = try parser.parse()
        self.pattern = pattern
        self.program = try RegexProgram(root, captureCount: parser.captureCount, captureNames: parser.captureNames)
        self.nfa = RegexNFA(program)
    }

    /// Whether the pattern matches somewhere in `text`; `nil` when `stepBudget` steps did not decide it.
    public func matches(_ text: String) -> Bool? {
        var budget = Self.stepBudget
        return matches(text, budget: &budget)
    }

    /// Whether the pattern matches somewhere in `text`, spending steps from `budget`; `nil` when it ran out first.
    /// A budget per search alone is not enough: a pattern that stops just short of it on each of thousands of
    /// strings (`^(x+x+)+y\1$` on 17 `x`s), or that keeps thousands of threads alive (`a{0,6000}b`), costs minutes.
    public func matches(_ text: String, budget: inout Int) -> Bool? {
        let input = Array(text.unicodeScalars)
        if let nfa { return nfa.matches(input, anchored: program.anchoredAtStart, budget: &budget) }
        var machine = RegexMachine(program: program, input: input, budget: budget)
        defer { budget = machine.budget }
        let lastStart = program.anchoredAtStart ? 0 : input.count
        for start in 0...lastStart {
            if machine.run(programIndex: 0, from: start, requiredEnd: nil) != nil { return true }
            if machine.budget <= 0 { return nil }
        }
        return false
    }
}

/// Backtracking interpreter with an explicit stack (no recursion per character, so long inputs are safe).
struct RegexMachine {
    private enum Backtrack {
        case choice(pc: Int, position: Int)
        case restore(slot: Int, value: Int)
    }

    let program: RegexProgram
    let input: [Unicode.Scalar]
    var slots: [Int]
    /// Steps left. A step is one instruction, one scalar a backreference compares or one capture slot a
    /// lookaround saves, so the budget bounds the time spent, not just the instructions run.
    var budget: Int

    init(program: RegexProgram, input: [Unicode.Scalar], budget: Int) {
        self.program = program
        self.input = input
        self.slots = Array(repeating: -1, count: program.slotCount)
        self.budget = budget
    }

    /// Runs one program anchored at `start`; returns the end of the match.
    mutating func run(programIndex: Int, from start: Int, requiredEnd: Int?) -> Int? {
        if programIndex == 0 { for index in slots.indices { slots[index] = -1 } }
        let code = program.programs[programIndex]
        var stack: [Backtrack] = []
        var pc = 0
        var position = start
        while true {
            budget -= 1
            if budget <= 0 { return nil }
            var failed = false
            switch code[pc] {
            case .scalar(let value):
                if position < input.count, input[position].value == value { position += 1; pc += 1 } else { failed = true }
            case .any:
                if position < input.count, !isLineTerminator(input[position].value) { position += 1; pc += 1 } else { failed = true }
            case .characterClass(let index):
                if position < input.count, program.classes[index].contains(input[position]) { position += 1; pc += 1 } else { failed = true }
            case .split(let preferred, let alternative):
                stack.append(.choice(pc: alternative, position: position))
                pc = preferred
            case .jump(let target):
                pc = target
            case .save(let slot), .loopEnter(let slot):
                stack.append(.restore(slot: slot, value: slots[slot]))
                slots[slot] = position
                pc += 1
            case .loopCheck(let slot):
                if slots[slot] == position { failed = true } else { pc += 1 }
            case .lineStart:
                if position == 0 { pc += 1 } else { failed = true }
            case .lineEnd:
                if position == input.count { pc += 1 } else { failed = true }
            case .wordBoundary(let negated):
                let before = position > 0 && isECMAWord(input[position - 1].value)
                let after = position < input.count && isECMAWord(input[position].value)
                if (before != after) != negated { pc += 1 } else { failed = true }
            case .backreference(let group):
                if let end = matchBackreference(group, at: position) {
                    budget -= end - position
                    position = end
                    pc += 1
                } else {
                    failed = true
                }
            case .lookaround(let sub, let behind, let negated):
                budget -= slots.count
                let saved = slots
                var matched = false
                if behind {
                    var candidate = position
                    while candidate >= 0, !matched {
                        matched = run(programIndex: sub, from: candidate, requiredEnd: position) != nil
                        candidate -= 1
                    }
                } else {
                    matched = run(programIndex: sub, from: position, requiredEnd: nil) != nil
                }
                if matched != negated {
                    // Keep captures of a positive lookaround, undoable like any other save.
                    if !negated {
                        for slot in slots.indices where slots[slot] != saved[slot] {
                            stack.append(.restore(slot: slot, value: saved[slot]))
                        }
                    } else {
                        slots = saved
                    }
                    pc += 1
                } else {
                    slots = saved
                    failed = true
                }
            case .match:
                if requiredEnd == nil || requiredEnd == position { return position }
                failed = true
            }
            if failed {
                // Undo saves until the most recent choice point, then resume there.
                var resumed = false
                while let entry = stack.popLast() {
                    switch entry {
                    case .restore(let slot, let value):
                        slots[slot] = value
                    case .choice(let target, let savedPosition):
                        pc = target
                        position = savedPosition
                        resumed = true
                    }
                    if resumed { break }
                }
                if !resumed { return nil }
            }
        }
    }

    /// A backreference to an unset group matches the empty string (ECMA-262).
    private func matchBackreference(_ group: Int, at position: Int) -> Int? {
        guard 2 * group + 1 < slots.count else { return position }
        let start = slots[2 * group]
        let end = slots[2 * group + 1]
        guard start >= 0, end >= start else { return position }
        let length = end - start
        guard position + length <= input.count else { return nil }
        for offset in 0..<length where input[start + offset] != input[position + offset] { return nil }
        return position + length
    }
}
