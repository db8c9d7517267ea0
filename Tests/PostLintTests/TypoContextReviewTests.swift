import Foundation
import XCTest

@testable import PostLint

/// Cases two reviews found: safe fixes that changed right words, and words of prose the
/// scan never reached (or reached inside code).
final class TypoContextReviewTests: XCTestCase {
    private func typos(_ text: String, fileName: String = "post.md", vocabulary: Vocabulary? = nil) -> [(word: String, safe: Bool)] {
        let document = TestSupport.document(text, fileName: fileName)
        let context = RuleContext(fileExists: nil, severity: .warning, vocabulary: vocabulary)
        return TypoRule().check(document, context: context).map { (document.string($0.range), $0.fix?.safety == .safe) }
    }

    func testACuratedSlipWithACapitalIsNotFixedWithoutALook() {
        let text = "Hierarchical Dirichlet processes (Teh et al., 2006) by Yee Whye Teh.\n"
        XCTAssertEqual(TestSupport.fixed(text, fileName: "post.md", rules: ["typo"], unsafe: false), text)
        XCTAssertEqual(typos("I see teh point.\n").map(\.safe), [true], "lower case stays a safe fix")
    }

    func testACuratedSlipInALineOfAnotherLanguageIsNotReported() {
        XCTAssertEqual(typos("Nous avons gardé le code existant dans une approche très simple avec vous.\n").map(\.word), [])
        XCTAssertEqual(typos("We retreive thier greyscale images.\n").map(\.word), ["retreive", "thier"], "a line of slips is English")
    }

    func testRightWordsAreNotCorrected() {
        XCTAssertEqual(typos("A calender press, a wether, and a dependant of the family.\n").map(\.word), [])
        XCTAssertEqual(typos("Maximum a posteriori estimation, modus operandi, in silico and in vitro tests.\n").map(\.word), [])
        XCTAssertEqual(typos("Our team practises trunk-based development while analysing the enrolment data.\n").map(\.word), [])
    }

    func testBritishEndingsDoNotAcceptSlips() {
        XCTAssertEqual(typos("We tried to remembre the rows.\n\nThe numbre of rows.\n\nThe platinium tier.\n\nThe membre list.\n\nThe model was brething hard.\n").map(\.word),
            ["remembre", "numbre", "platinium", "membre", "brething"])
        XCTAssertEqual(typos("The calibre of the fibres, in aluminium.\n").map(\.word), [])
    }

    func testACuratedSlipIsReportedEvenWhereALinkSpellsIt() {
        XCTAssertEqual(typos("You will recieve an email, as in [my old post](https://example.com/2019/how-to-recieve-mail/).\n").map(\.word), ["recieve"])
    }

    func testAWordEnglishTextUsesIsNeverASafeFix() {
        let frequent = Vocabulary.Usage(occurrences: 40, files: 12)
        let once = Vocabulary.Usage(occurrences: 1, files: 1)
        for word in ["vortices", "practises", "graphene", "incognita", "analysing", "enrolment"] {
            XCTAssertFalse(EnglishTypoJudge.isSafeInference(word: word, usage: once, correctionUsage: frequent), word)
        }
        XCTAssertTrue(EnglishTypoJudge.isSafeInference(word: "retreival", usage: once, correctionUsage: frequent))
        XCTAssertTrue(EnglishTypoJudge.isSafeInference(word: "tokenizaton", usage: once, correctionUsage: frequent))
        XCTAssertFalse(EnglishTypoJudge.isSafeInference(word: "recieve", usage: once, correctionUsage: frequent),
            "seven letters: too short for a safe inference")
        XCTAssertFalse(EnglishTypoJudge.isSafeInference(word: "retreival", usage: once, correctionUsage: Vocabulary.Usage(occurrences: 40, files: 2)),
            "the correction must be used across files")
    }

    func testAHeadingsFixNeedsALook() {
        XCTAssertEqual(typos("## How to recieve mail\n\nText.\n").map(\.safe), [false])
    }

    func testCodeElementsInAParagraphAreCode() {
        XCTAssertEqual(typos("Use <code>teh --seperate</code> and <kbd>Ctrl</kbd> or <samp>teh output</samp> here.\n").map(\.word), [])
        XCTAssertEqual(typos("Use <em>teh</em> tool.\n").map(\.word), ["teh"])
    }

    func testInlineDisplayMathIsMarkupAndLeavesTheRestChecked() {
        let text = "Intro with the famous equation\n\n$$E = mc^2$$,\n\nwhere we recieve energy. See $$seperate$$ too.\n"
        XCTAssertEqual(typos(text).map(\.word), ["recieve"])
    }

    func testTheLastWordOfALinkOrElementIsChecked() {
        XCTAssertEqual(typos("See [text that we recieve](/a/) now.\n").map(\.word), ["recieve"])
        XCTAssertEqual(typos("<table><tr><td>Recieved</td></tr></table>\n").map(\.word), ["Recieved"])
        XCTAssertEqual(typos("We <em>recieve</em> it.\n").map(\.word), ["recieve"])
        // The first word after a tag with attributes, or a self-closing one.
        XCTAssertEqual(typos("<td align=\"center\">몇일</td> <span style='color:red'>역활</span> <div title=\"teh\">recieve</div>\n").map(\.word), ["몇일", "역활", "recieve"])
        XCTAssertEqual(typos("line<br/>recieve it\n").map(\.word), ["recieve"])
    }

    func testKoreanSpellingsNoWordHas() {
        XCTAssertEqual(typos("다 됬어요. 설치가 됬는데 잘 안됬으면 연락할께요.\n").map(\.word), ["됬어요", "됬는데", "안됬으면", "연락할께요"])
        XCTAssertEqual(KoreanTypoJudge.orthographicRepair("연락할께요"), "연락할게요")
        XCTAssertEqual(KoreanTypoJudge.orthographicRepair("안됬으면"), "안됐으면")
        XCTAssertNil(KoreanTypoJudge.orthographicRepair("선생님께요"), "께 after a syllable without ㄹ is the honorific particle")
        XCTAssertNil(KoreanTypoJudge.orthographicRepair("선생님들께요"), "님들께요 is the plural and the honorific particle")
        XCTAssertNil(KoreanTypoJudge.orthographicRepair("어르신들께요"), "after any noun")
        XCTAssertEqual(KoreanTypoJudge.orthographicRepair("잠들께요"), "잠들게요")
        XCTAssertEqual(KoreanTypoJudge.orthographicRepair("만들께요"), "만들게요", "a verb whose stem ends in 들")
        XCTAssertEqual(KoreanTypoJudge.orthographicRepair("들께요"), "들게요")
        XCTAssertNil(KoreanTypoJudge.orthographicRepair("됐어요"))
        XCTAssertEqual(typos("정말 오랫만이에요.\n").map(\.word), ["오랫만"])
        XCTAssertEqual(KoreanTypoJudge.orthographicRepair("실행되요"), "실행돼요")
        XCTAssertNil(KoreanTypoJudge.orthographicRepair("되어요"))
        XCTAssertNil(KoreanTypoJudge.orthographicRepair("한되요"), "되 the measure")
        let curated = TestSupport.diagnostics("그렇게 하면 안되요. 몇일간 희안한 일이 있었고 왠일로 어의없는 일이 생겼다.\n", fileName: "post.md", rule: "typo")
        XCTAssertEqual(curated.compactMap { $0.fix?.edits.first?.replacement }, ["안 돼요", "며칠간", "희한한", "웬일로", "어이없는"])
        // 않다 never takes 되다 (않된다 is 안 된다); 않되 alone is 않- + -되 (늦지 않되 서두르지 말라).
        let negation = TestSupport.diagnostics("그렇게 하면 않된다. 늦지 않되 서두르지 말라.\n", fileName: "post.md", rule: "typo")
        XCTAssertEqual(negation.compactMap { $0.fix?.edits.first?.replacement }, ["안 된다"])
    }

    /// A post on spelling shows the wrong form on purpose: a word alone in quotes is still
    /// reported, but its fix needs a look.
    func testAQuotedWordsFixNeedsALook() {
        let quoted = typos("\"몇일\"이 아니라 \"며칠\"이 맞다. ‘됬다’는 틀린 표기다. The word “recieve” is a common misspelling; 'teh' too.\n")
        XCTAssertEqual(quoted.map(\.word), ["몇일", "됬다", "recieve", "teh"])
        XCTAssertEqual(quoted.map(\.safe), [false, false, false, false])
        XCTAssertEqual(typos("몇일 뒤에 \"I recieve mail\" 이라고 썼다.\n").map(\.safe), [true, true], "in a quoted sentence, not alone")
        XCTAssertTrue(TypoRule.isQuoted(1..<8, in: Array("\"recieve\"".utf8)))
        XCTAssertFalse(TypoRule.isQuoted(1..<8, in: Array("\"recieve mail".utf8)))
        XCTAssertFalse(TypoRule.isQuoted(0..<7, in: Array("recieve".utf8)))
    }

    /// A table row that holds the correction in another cell (a model's output beside the
    /// reference) shows the slip on purpose as often as not: its fix needs a look.
    func testASlipBesideItsCorrectionInATableNeedsALook() {
        let table = "| Output | Reference |\n| --- | --- |\n| we recieve the data | we receive the data |\n| 몇일 뒤 | 며칠 뒤에 |\n"
        XCTAssertEqual(typos(table).map(\.safe), [false, false])
        XCTAssertEqual(typos("| we recieve the data | we get receivers |\n").map(\.safe), [true], "a longer word is not the correction")
        XCTAssertEqual(typos("We recieve data and receive it again.\n").map(\.safe), [true], "prose, not a table")
    }

    /// A slip copied from post to post is the run's vocabulary by count alone; a dictionary
    /// word one edit away used ten times as often still shows it (an unsafe fix). A
    /// capitalised word inside a sentence repeated so is a name.
    func testARepeatedSlipBesideAFarMoreFrequentWordIsReported() {
        let others = (0..<40).map { "## References \($0)\n\nSee the references below, and the Passes list.\n" }
            + (0..<5).map { "## Refenrences\n\nApolinário Passos wrote it, by Apolinário Passos \($0).\n" }
        let vocabulary = Vocabulary(texts: others)
        let found = typos("## Refenrences\n\nThanks to Apolinário Passos.\n", vocabulary: vocabulary)
        XCTAssertEqual(found.map(\.word), ["Refenrences"])
        XCTAssertEqual(found.map(\.safe), [false])
    }

    /// Two words joined (`diff`+`rent`), a plural's -s doubled, or `oe` at a word's end are
    /// no excuse when a dictionary word is a letter away.
    func testSlipsThatLookLikeCompoundsAreReported() {
        let text = "We compare the diffrent results here.\n\nThe model learns the featrues from data.\n\n"
            + "We fixed the open issuess last week.\n\nWatch the vidoe on the page.\n"
        // A compound stays one where the run does not use the word a letter away, and
        // where it does, the fix needs a look (`downcase` beside `downcast`).
        XCTAssertEqual(typos("We print the backtrace and the hyperbolae here.\n").map(\.word), [])
        let casts = Vocabulary(texts: (0..<8).map { "A downcast, another downcast and the downcast page \($0).\n" })
        XCTAssertEqual(typos("In Ruby we downcase the string first.\n", vocabulary: casts).map(\.safe), [false])
        let videos = Vocabulary(texts: [text] + (0..<8).map { "A video, another video and the video page \($0). Different features.\n" })
        XCTAssertEqual(typos(text, vocabulary: videos).map(\.word), ["diffrent", "featrues", "issuess", "vidoe"])
        XCTAssertEqual(typos("A dataloader and a workflow with superlinear growth, and its manoeuvre.\n").map(\.word), [])
    }

    /// A prefix (`re`+`sluts`, `co`+`mutational`) is no excuse for a letter left out or two
    /// swapped in a dictionary word the run uses often (an unsafe fix all the same); a
    /// prefixed word a different letter away (`reshare` beside `reshape`) stays jargon, and
    /// so does one whose neighbour the run uses a few times only (`unsetting`, `substates`).
    func testSlipsThatLookLikePrefixedWordsAreReported() {
        let text = "The resluts look right.\n\nThe comutational cost is low.\n\nWe reshare the post.\n\n"
            + "Unsetting a variable removes it. Nest the substates inside a parent state.\n"
        let others = (0..<25).map { "The results, the computational budget and the reshape step \($0).\n" }
            + ["The difference can be unsettling.\n"] + (0..<5).map { "Two substrates and substrates again, \($0).\n" }
        let found = typos(text, vocabulary: Vocabulary(texts: [text] + others))
        XCTAssertEqual(found.map(\.word), ["resluts", "comutational"])
        XCTAssertEqual(found.map(\.safe), [false, false])
        // Where the run does not use the word meant, the prefixed reading stands.
        XCTAssertEqual(typos(text).map(\.word), [])
    }

    func testShortCuratedSlipsAndBritishJudgement() {
        XCTAssertEqual(typos("I think taht this is wiht the rest, adn hte end.\n").map(\.word), ["taht", "wiht", "adn", "hte"])
        XCTAssertEqual(typos("The acknowledgements and judgements are British spellings.\n").map(\.word), [])
    }

    /// A loanword the dictionary lacks but the repository uses makes its 하다 and 되다
    /// forms words too (`푸시할` is not `표시할`).
    func testDerivedFormsOfTheRepositorysLoanwordsAreWords() {
        let others = (0..<6).map { "표시할 항목을 고른다. 화면에 표시할 값이다. 표시 \($0)\n" } + ["원격에 푸시 전에 확인한다.\n", "푸시 권한이 없다.\n"]
        let text = "원격 저장소에 푸시할 준비가 되었다. 파싱된 결과를 본다.\n"
        XCTAssertEqual(typos(text, vocabulary: Vocabulary(texts: others + ["파싱 단계와 파싱 오류\n", text])).map(\.word), [])
    }

    /// Readers see a post's title and description: their words are prose, but a fix there
    /// needs a look (some sites make addresses of titles). Other keys and lists are not prose.
    func testTheTitleAndDescriptionAreProse() {
        let text = "---\ntitle: \"How to recieve mail\"\ndescription: A guide with teh details.\ntags: [recieve]\nslug: recieve-mail\n---\n\nBody text.\n"
        let found = typos(text)
        XCTAssertEqual(found.map(\.word), ["recieve", "teh"])
        XCTAssertEqual(found.map(\.safe), [false, false])
        let codeAndComment = "---\ntitle: Good title # recieve\ndescription: Call `recieve()` first, then teh rest.\n---\n\nBody.\n"
        XCTAssertEqual(typos(codeAndComment).map(\.word), ["teh"])
        let lastWordsBeforeQuotes = "---\ntitle: 'How we recieve'\ndescription: \"Then teh\"\n---\n\nBody.\n"
        XCTAssertEqual(typos(lastWordsBeforeQuotes).map(\.word), ["recieve", "teh"])
    }

    /// Jekyll reads the front matter of a text file too: its slug and tags are no prose. A
    /// text file opening with a `---` line and a paragraph has no front matter.
    func testATextFileWithFrontMatterKeepsItsKeysOutOfProse() {
        let text = "---\ntitle: How we recieve mail\ntags: [recieve]\nslug: recieve-mail\n---\n\nWe recieve it.\n"
        XCTAssertEqual(typos(text, fileName: "post.txt").map(\.word), ["recieve", "recieve"])
        XCTAssertEqual(typos(text, fileName: "post.txt").map(\.safe), [false, true])
        let ruled = "---\nA paragraph we recieve.\n---\n\nMore text.\n"
        XCTAssertEqual(typos(ruled, fileName: "post.txt").map(\.safe), [true])
    }

    /// A slip the repository repeats (`Retreival`, three times) is no suggestion beside the
    /// word it slips from, used far more; jargon beside a rarer dictionary word is
    /// (`uvicorn`, not only `unicorn`).
    func testARepeatedSlipIsNoSuggestionButJargonIs() {
        let text = "We study text retrival and run unvicorn servers.\n"
        let others = Array(repeating: "Dense retrieval beats sparse retrieval for retrieval tasks.\n", count: 12)
            + Array(repeating: "Cross-modal retreival works.\n", count: 3) + Array(repeating: "Start uvicorn with workers.\n", count: 3)
        let document = TestSupport.document(text, fileName: "post.md")
        let context = RuleContext(fileExists: nil, severity: .warning, vocabulary: Vocabulary(texts: others + [text]))
        let messages = TypoRule().check(document, context: context).map(\.message)
        XCTAssertEqual(messages.count, 2, "\(messages)")
        XCTAssertTrue(messages.allSatisfy { !$0.contains("retreival") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'uvicorn'") }, "\(messages)")
    }

    /// A function called or a manual page (`strdup()`, `statfs(2)`) is an identifier; a
    /// word before a parenthesis of prose is still a word.
    func testACallOrManualPageIsNoWord() {
        let text = "Call recieve() or recieve(2) or recieve(3p), and recieve (2) or recieve(s) here.\n"
        XCTAssertEqual(typos(text).map(\.word), ["recieve", "recieve"])
    }

    /// The half of a hyphenated word that the dictionary knows written solid is no slip.
    func testAHyphenatedWordsHalfIsJudgedWithItsPrefix() {
        XCTAssertEqual(typos("It was pre-empted by a co-operation.\n").map(\.word), [])
        XCTAssertEqual(typos("It was empted by a co-operation.\n").map(\.word), ["empted"])
    }

    func testAFootnoteDefinitionIsProse() {
        XCTAssertEqual(typos("Text.[^1]\n\n[^1]: This is teh footnote.\n").map(\.word), ["teh"])
    }
}
