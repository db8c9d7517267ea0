import ArgumentParser
import PostLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its default severity and whether it fixes.")

    func run() throws {
        let descriptions = RuleRegistry.descriptions
        let width = descriptions.map(\.id.count).max() ?? 10
        print("rule".padding(width) + "  severity  fix     summary")
        for rule in descriptions {
            let fix = rule.fixSafety?.rawValue ?? "-"
            print(rule.id.padding(width) + "  " + rule.severity.rawValue.padding(8) + "  " + fix.padding(6) + "  " + rule.summary)
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: why it exists, what it fixes, and examples.")

    @Argument(help: "The rule id, as `postlint rules` lists it.")
    var rule: String

    func run() throws {
        guard let description = RuleRegistry.description(of: rule) else {
            throw ValidationError("unknown rule '\(rule)'; `postlint rules` lists them")
        }
        print(RuleExplanation.text(for: description), terminator: "")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
