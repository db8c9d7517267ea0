import ArgumentParser
import Foundation
import PostLint

/// The built-in rules and the project's own (`rule-folders` in the nearest
/// `.postlint.yml`, or the one `--config` names).
enum KnownRules {
    static func descriptions(config: String?) throws -> [RuleDescription] {
        let path = config ?? Configuration.discover(from: FileManager.default.currentDirectoryPath)
        guard let path else { return RuleRegistry.descriptions }
        do {
            return RuleRegistry.descriptions + (try Configuration.load(path: path)).userRules.map(\.description)
        } catch {
            Console.error("\(error)")
            throw Exit.failure
        }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its default severity and whether it fixes.")

    @Option(help: "Use this configuration file (for its own rules) instead of searching for .postlint.yml.")
    var config: String?

    func run() throws {
        let descriptions = try KnownRules.descriptions(config: config)
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
        guard let description = try KnownRules.descriptions(config: config).first(where: { $0.id == rule }) else {
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
