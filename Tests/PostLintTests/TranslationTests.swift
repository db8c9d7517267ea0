import XCTest

@testable import PostLint

final class TranslationTests: XCTestCase {
    private func untranslated(_ text: String, fileName: String) -> [Diagnostic] {
        TestSupport.diagnostics(text, fileName: fileName, rule: "untranslated")
    }

    func testEveryFailedSectionOfAWeeklyDigestIsReportedByName() {
        let failure = "번역 중 오류 발생: 3번의 시도 후에도 네트워크 연결에 실패했습니다."
        var text = "주간 인기 논문 - 번역본\n\n"
        for (number, title) in ["Sharing is Caring: Efficient LM Post-Training with Collective RL", "Why Models Hallucinate", "A Survey"].enumerated() {
            text += "--- \(number + 1). \(title) ---\nLink: https://example.org/\(number)\n\n"
            text += "## Abstract (Original)\nWe study the problem in depth and report results.\n\n## 초록 (Korean)\n\(failure)\n\n"
        }
        let found = untranslated(text, fileName: "weekly-ko.txt")
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(found.first?.message, "'초록 (Korean)' of '1. Sharing is Caring...' holds a translation failure message, not Korean")
        XCTAssertEqual(found.first.map { TestSupport.document(text, fileName: "weekly-ko.txt").string($0.range) }, failure)
    }

    func testRealKoreanTranslationsQuotingEnglishNamesAreQuiet() {
        let text = """
            ## Abstract (Original)
            We present SAPO, a decentralized RL post-training algorithm for LMs.

            ## 초록 (Korean)
            우리는 SAPO를 제안한다. SAPO는 DeepSeek-R1-Zero, Qwen2.5-7B, LLaMA-3 같은 LM을 위한 \
            decentralized RL post-training 알고리즘으로, GPU cluster 없이도 rollout을 공유한다.

            """
        XCTAssertEqual(untranslated(text, fileName: "post.md").map(\.message), [])
    }

    func testTheFileNameFolderOrFrontMatterSetTheLanguage() {
        let english = "## Setup\nInstall the package, then run the server and open the page in a browser to check the result.\n"
        XCTAssertEqual(untranslated(english, fileName: "docs/ko/setup.md").count, 1)
        XCTAssertEqual(untranslated(english, fileName: "setup.ko.md").count, 1)
        XCTAssertEqual(untranslated("---\nlang: ko\n---\n" + english, fileName: "setup.md").count, 1)
        XCTAssertEqual(untranslated(english, fileName: "setup.md").count, 0)
        let references = "## 참고 자료\n- Vaswani et al. Attention Is All You Need. NeurIPS 2017, pages 5998 to 6008, Long Beach.\n"
        XCTAssertEqual(untranslated(references, fileName: "docs/ko/setup.md").count, 0, "reference lists stay in the original")
    }

    func testTextBeforeTheFirstHeadingIsInTheFilesLanguage() {
        let failure = "번역 중 오류 발생: 3번의 시도 후에도 네트워크 연결에 실패했습니다.\n"
        let whole = untranslated(failure, fileName: "content/ko/weekly.txt")
        XCTAssertEqual(whole.map(\.message), ["the post holds a translation failure message, not Korean"])
        let english = "Install the package, then run the server and open the page in a browser to check the result.\n"
        XCTAssertEqual(
            untranslated(english + "\n## 요약\n\n설치하고 서버를 실행한다.\n", fileName: "docs/ko/setup.md").map(\.message),
            ["the text before the first heading is not Korean: 0 of 18 words are in Hangul"])
        XCTAssertEqual(untranslated(english, fileName: "docs/setup.md").count, 0, "no language expected")
        XCTAssertEqual(untranslated("SAPO는 " + english, fileName: "docs/ko/setup.md").count, 0, "one Korean word clears it")
        XCTAssertEqual(untranslated("---\ntitle: Setup\nlang: ko\n---\n", fileName: "setup.md").count, 0, "front matter alone")
        let epigraph = "---\nlang: ko\n---\n\n> Premature optimization is the root of all evil, or at least most of it, in programming, said Donald Knuth.\n\n## 들어가며\n\n성능 최적화는 측정에서 시작한다.\n"
        XCTAssertEqual(untranslated(epigraph, fileName: "post.md").count, 0, "a quotation stays in its own language")
    }

    /// A heading naming the file's own language asks what the file asks; `초록 (Korean)`
    /// is a slot without an original beside it; a quoted failure message is still one.
    func testHeadingsNamingTheLanguageAndQuotedMessages() {
        let english = "This section was left in English by the pipeline and nobody noticed it before the post went live today.\n"
        XCTAssertEqual(untranslated("---\nlang: ko\n---\n## 요약\n\n" + english, fileName: "post.md").count, 1)
        XCTAssertEqual(untranslated("## Abstract\nWe present X.\n\n## 초록 (Korean)\n" + english, fileName: "post.md").count, 1)
        XCTAssertEqual(untranslated("## 요약\n\n" + english, fileName: "post.md").count, 0, "a heading that only names a language")
        XCTAssertEqual(untranslated("# Tokenizers\n\n## Sample output (Korean)\n\n" + english, fileName: "post.md").count, 0, "labelled in another script")
        XCTAssertEqual(untranslated("# Tokenizers\n\n## 한국어 (Korean)\n\n" + english, fileName: "post.md").count, 0, "the language's name, labelled")
        XCTAssertEqual(untranslated("## [v2] 초록 (Korean)\n\n" + english, fileName: "post.md").count, 1, "the label after another bracket")
        XCTAssertEqual(untranslated("## Abstract\nWe do X.\n\n## 초록 (Korean)\n번역에 실패한 것 같습니다. 나중에 다시 시도하세요.\n", fileName: "post.md").count, 1)
        let prose = "---\nlang: ko\n---\n## 작업\n\n번역에 실패한 문서를 다시 처리하는 배치 작업을 매일 밤 돌리고 있습니다.\n\n## 비교\n\n번역 실패율 비교\n"
        XCTAssertEqual(untranslated(prose, fileName: "post.md").count, 0, "a failure phrase modifying a noun")
        let quoted = "---\nlang: ko\n---\n## Summary\n\n> Translation failed: the model returned an empty response.\n"
        XCTAssertEqual(untranslated(quoted, fileName: "post.md").count, 1)
    }

    func testFailureFamiliesCoverSeveralLanguagesAndNotOrdinaryProse() {
        let data = UntranslatedRule.data
        for message in [
            "Translation failed: HTTP 503 Service Unavailable", "翻訳に失敗しました（タイムアウト）", "翻译失败：请求超时",
            "{\"error\": {\"type\": \"rate_limit_error\", \"message\": \"slow down\"}}", "요청 한도를 초과했습니다.",
            "Error: 429 Too Many Requests",
        ] {
            XCTAssertNotNil(data.failureMatch(in: message)?.family, message)
        }
        for prose in ["우리는 새로운 모델을 제안한다.", "We report results on six benchmarks.", "Hugging Hub 支持独特的访问控制选项和速率限制"] {
            XCTAssertNil(data.failureMatch(in: prose)?.family, prose)
        }
    }

    func testShippedTranslationDataCompilesCompletely() throws {
        let data = UntranslatedRule.data
        XCTAssertEqual(data.languages.map(\.name), ["Korean", "Japanese", "Chinese"])
        XCTAssertTrue(data.languages.allSatisfy { !$0.scripts.isEmpty && !$0.labels.isEmpty })
        let yaml = try XCTUnwrap(RuleData.text("translation/failure-messages.yml"))
        let written = yaml.components(separatedBy: "\n").filter { $0.hasPrefix("      - '") }.count
        XCTAssertEqual(data.failureFamilies.reduce(0) { $0 + $1.patterns.count }, written, "a failure pattern does not compile")
    }

    func testPlainTextSectionsJoinWrappedBannersAndNestUnderThem() {
        let text = "--- 1. Sharing is Caring: Collective RL\n  Experience Sharing ---\n## 초록 (Korean)\n본문\n"
        let sections = Sections.of(TestSupport.document(text, fileName: "a.txt"))
        XCTAssertEqual(sections.map(\.title), ["1. Sharing is Caring: Collective RL Experience Sharing", "초록 (Korean)"])
        XCTAssertEqual(sections.map(\.parent), [nil, 0])
        XCTAssertEqual(Sections.shortTitle("10. SimpleVLA-RL: Scaling VLA Training via Reinforcement Learning"), "10. SimpleVLA-RL...")
    }

    func testScriptShareCountsWordsNotLetters() {
        let share = ScriptShare("LLaMA-3를 GPT-4o와 비교했다", expected: [.hangul])
        XCTAssertEqual(share.words, 3)
        XCTAssertEqual(share.expectedWords, 3)
        XCTAssertEqual(ScriptShare("We compare LLaMA-3 with GPT-4o", expected: [.hangul]).expectedWords, 0)
    }

    /// Cases a review of generated and translated posts found reported wrongly.
    func testCorrectKoreanSectionsAreNotFailures() {
        let text = """
            ---
            lang: ko
            ---

            ## 1. Robust Distributed Training

            ### Summary (Original)
            We propose a training method that keeps working when network connections fail.

            ### 요약 (Korean)
            네트워크 연결 실패 상황에서도 학습을 계속하는 분산 학습 방법을 제안한다.

            ## 배경

            블로그 글을 자동으로 번역하다 보니 번역 실패가 종종 생겼다.

            ## 한국어 LLM 벤치마크

            | Model | KoBEST | KMMLU | HAE-RAE |
            |---|---|---|---|
            | EXAONE-3.5-7.8B | 80.1 | 45.2 | 70.3 |

            ## 수식

            $$\\mathcal{L} = -\\sum_i y_i \\log p_i + \\lambda \\lVert \\theta \\rVert^2 \\quad \\text{for all samples and every batch}$$

            ## English summary

            This post describes a training method that keeps working when connections fail between nodes.
            """
        XCTAssertEqual(TestSupport.diagnostics(text, fileName: "post.md", rule: "untranslated").map(\.message), [])
    }

    func testChainedAndLocalisedFailureMessagesAreFailures() {
        for failure in ["죄송합니다. 이 텍스트는 번역할 수 없습니다.", "번역 실패: API 오류 (HTTP 429). 잠시 후 다시 시도하세요.", "翻訳できませんでした。",
            "抱歉，无法翻译这段内容。", "Request failed with status code 500"] {
            let text = "## Abstract (Original)\nWe study the problem in depth.\n\n## 초록 (Korean)\n\(failure)\n"
            XCTAssertEqual(TestSupport.diagnostics(text, fileName: "post.md", rule: "untranslated").count, 1, failure)
        }
    }

    /// A last review's cases: pipeline messages that come with an apology, a reason or a
    /// retry note, headings that label the language in other ways, and prose that uses a
    /// failure wording in a sentence.
    func testMessagesWithNotesAreFailuresAndSentencesAboutFailuresAreNot() {
        func findings(_ heading: String, _ body: String, file: String = "post.md") -> Int {
            let text = "## Abstract (Original)\nWe present SAPO, a method for stable training.\n\n\(heading)\n\(body)\n"
            return TestSupport.diagnostics(text, fileName: file, rule: "untranslated").count
        }
        for body in ["죄송합니다. 번역 중 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.", "번역 실패: 입력 토큰 수가 모델의 최대 컨텍스트 길이를 초과했습니다.",
            "[번역 실패] 요청 시간이 초과되었습니다. 다음 실행에서 다시 번역됩니다.", "번역 중 오류가 발생했습니다. 원문은 위의 영어 초록을 참고해 주시기 바랍니다.",
            "번역 중 오류가 발생하여 원문을 표시합니다.", "번역 실패로 인해 결과를 표시할 수 없습니다.", "번역에 실패했습니다, 잠시 후 다시 시도해 주세요.",
            "An error occurred during translation. Please try again later.", "Translation failed due to a timeout.",
            "I cannot translate this text because it is too long.", "서버 응답이 없어 요청 시간이 초과되었습니다."] {
            XCTAssertEqual(findings("## 초록 (Korean)", body), 1, body)
        }
        for heading in ["## 요약（한국어）", "## 한국어 번역 결과", "## 번역 결과", "## 논문 초록", "## 한국어 요약 by GPT-4o", "## 摘要（中文）", "## 要約（日本語）"] {
            XCTAssertEqual(findings(heading, "This section was left in English by the pipeline, as the original abstract was."), 1, heading)
        }
        XCTAssertEqual(findings("## 요약 (Korean)", "서버 오류가 발생하면 자동으로 재시작된다."), 0)
        XCTAssertEqual(findings("## 要約 (Japanese)", "モデルを学習し、しばらくしてから評価したところ、精度が向上した。"), 0)
        XCTAssertEqual(findings("## 摘要 (Chinese)", "服务器繁忙时，系统会自动切换到备用节点。"), 0)
        // Korean prose about failures in every register, under a translation slot: it goes on
        // past its failure phrase, or names only what came with a failure (retries).
        for body in ["네트워크 연결 실패나 요청 시간 초과가 나도 작업을 이어가도록 체크포인트를 도입함.",
            "API 요청 한도를 초과했을 때 지수 백오프로 재시도하는 방법을 정리했습니다.", "3번의 시도 끝에 모델 학습에 성공했습니다.",
            "본 논문은 네트워크 연결이 실패해도 분산 학습을 계속하는 방법을 제안합니다.", "연결이 끊겨도 다시 붙도록 고쳤어요.",
            "번역 실패: 기계 번역 모델이 관용구를 직역해서 뜻이 완전히 달라진 사례를 모아 분석한다. 원인은 학습 데이터 부족이다."] {
            XCTAssertEqual(findings("## 초록 (Korean)", body), 0, body)
        }
        let korean = "---\nlang: ko\n---\n\n## 소개\n\n번역할 수 없는 한국어 단어 10선\n\n## 결론\n\n번역하지 못한 부분은 원문을 남겼다.\n"
        XCTAssertEqual(TestSupport.diagnostics(korean, fileName: "post.md", rule: "untranslated").count, 0)
    }

    func testJapaneseOrChineseUnderAKoreanHeadingIsNotKorean() {
        let text = "## Abstract (Original)\nWe evaluate the method.\n\n## 초록 (Korean)\n本論文では、大規模言語モデルの推論能力を評価するための新しいベンチマークを提案する。\n"
        let found = TestSupport.diagnostics(text, fileName: "post.md", rule: "untranslated").map(\.message)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.contains("letters are in Hangul") == true, "\(found)")
        let korean = "## 초록 (Korean)\n대규모 언어 모델(LLM)의 추론 능력을 평가하는 새로운 벤치마크를 제안한다.\n"
        XCTAssertEqual(TestSupport.diagnostics(korean, fileName: "post.md", rule: "untranslated").count, 0)
    }
}
