import ArgumentParser
import Foundation
import PostLint

@main
struct PostLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postlint",
        abstract: "Finds and repairs what generators and translation pipelines break in blog posts.",
        discussion: """
            Lints Markdown (.md, .markdown), MDX (.mdx) and text (.txt) posts: mojibake and \
            encodings, duplicate and undefined MDX image imports, and more. \
            Run `postlint rules` to list the rules and `postlint explain RULE` for one.
            """,
        version: PostLintVersion.current,
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self],
        defaultSubcommand: LintCommand.self)
}

extension PostLintCommand {
    /// Like ArgumentParser's own entry point, but usage errors exit with 2 (the
    /// documented code for usage, configuration and internal failures) instead of 64, and
    /// a lint's rule data loads while its arguments are parsed.
    static func main() {
        let preload = LintCommand.isInvoked(by: CommandLine.arguments.dropFirst()) ? RuleDataPreload() : nil
        do {
            var command = try parseAsRoot()
            try command.run()
            preload?.wait()
        } catch {
            preload?.wait()
            exit(dueTo: error)
        }
    }

    private static func exit(dueTo error: Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        if exitCode(for: error) == .success {
            exit(withError: error)  // --help, --version
        }
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(Exit.failure.rawValue)
    }
}

enum PostLintVersion {
    static let current = "0.1.0"
}

/// Exit codes shared by every subcommand.
enum Exit {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let failure = ExitCode(2)
}
