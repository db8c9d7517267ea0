import ArgumentParser
import Foundation
import PostLint

/// The built-in rules and the project's own (`rule-folders` in the nearest
/// `.postlint.yml`, or the one `--config` names).
enum KnownRules {
    /// The built-in rules and the project's own. A configuration named with `--config` must
    /// load; one found by searching may be broken (the user is often asking *because* of
    /// it): then the built-in rules are shown, with a warning saying why no others are.
    static func descriptions(config: String?) throws -> (rules: [RuleDescription], problem: String?) {
        let path = config ?? Configuration.discover(from: FileManager.default.currentDirectoryPath)
        guard let path else { return (RuleRegistry.descriptions, nil) }
        do {
            return (RuleRegistry.descriptions + (try Configuration.load(path: path)).userRules.map(\.description), nil)
        } catch {
            guard config == nil else {
                Console.error("\(error)")
                throw Exit.failure
            }
            let problem = "\(error)"
            Console.error("warning: \(problem)\nwarning: showing the built-in rules only")
            return (RuleRegistry.descriptions, problem)
        }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its default severity and whether it fixes.")

    @Option(help: "Use this configuration file (for its own rules) instead of searching for .postlint.yml.")
    var config: String?

    func run() throws {
        let descriptions = try KnownRules.descriptions(config: config).rules
        let width = descriptions.map(\.id.count).max() ?? 10
        print("rule".padding(width) + "  severity  fix          summary")
        for rule in descriptions {
            print(rule.id.padding(width) + "  " + rule.severity.rawValue.padding(8) + "  " + rule.fixLabel.padding(11) + "  " + rule.summary)
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: why it exists, what it fixes, and examples.")

    @Argument(help: "The rule id, as `postlint rules` lists it.")
    var rule: String

    @Option(help: "Use this configuration file (for its own rules) instead of searching for .postlint.yml.")
    var config: String?

    func run() throws {
        let known = try KnownRules.descriptions(config: config)
        guard let description = known.rules.first(where: { $0.id == rule }) else {
            let unloaded = known.problem == nil ? "" : " (the project's own rules were not loaded)"
            // Not a ValidationError: thrown from run(), it would print the top command's usage.
            Console.error("error: unknown rule '\(rule)'\(unloaded); `postlint rules` lists them")
            throw Exit.failure
        }
        print(RuleExplanation.text(for: description), terminator: "")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
