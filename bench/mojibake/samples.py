"""Clean multilingual text for the mojibake benchmark: our own sentences, one per line,
plus (when installed) Korean message catalog strings for a wider spread of syllables."""
import gettext
import glob

SENTENCES = {
    "korean": [
        "총 10개의 논문이 수집되었습니다.",
        "오늘의 인기 논문을 정리했습니다.",
        "이 모델은 긴 문맥을 효율적으로 처리합니다.",
        "데이터셋은 공개되어 있으며 누구나 내려받을 수 있습니다.",
        "좋아요 순위와 기관 정보를 함께 보여 줍니다.",
        "실험 결과, 제안한 방법이 기존 방법보다 빠르게 수렴했습니다.",
        "자세한 내용은 논문 링크를 참고하세요.",
        "한국어 형태소 분석기는 띄어쓰기 오류에 약합니다.",
        "페이지를 새로 고치면 최신 목록이 나타납니다.",
        "번역 품질을 높이기 위해 용어집을 만들었습니다.",
        "저자들은 강화 학습으로 추론 능력을 개선했다고 밝혔습니다.",
        "다음 주에는 멀티모달 모델을 다룹니다.",
    ],
    "japanese": [
        "日本語の文章を正しく表示できるか確認します。",
        "この論文では大規模言語モデルの推論を扱います。",
        "東京は今日も晴れています。",
        "データセットは誰でもダウンロードできます。",
        "新しいモデルは従来の手法より高速です。",
    ],
    "chinese": [
        "我们提出了一种新的视频生成方法。",
        "该模型在多个基准测试中取得了最佳成绩。",
        "数据集已经公开，欢迎下载使用。",
        "中文文本也需要正确的编码。",
        "研究团队来自清华大学。",
    ],
    "russian": [
        "Русский текст тоже должен оставаться читаемым.",
        "Модель обучена на большом корпусе данных.",
        "Ёлка стоит в углу, а за окном идёт снег.",
        "Привет, мир! Это проверка кодировки.",
    ],
    "greek": [
        "Η γρήγορη καφέ αλεπού πηδάει πάνω από το σκυλί.",
        "Ελληνικά κείμενα με τόνους και διαλυτικά: ϊ, ΰ.",
        "Το μοντέλο εκπαιδεύτηκε σε μεγάλο σύνολο δεδομένων.",
    ],
    "french": [
        "Le café est très chaud, prends garde à ne pas te brûler.",
        "L’été dernier, nous sommes allés à la mer près de Saint-Étienne.",
        "« Ça marche ! » s’écria-t-elle, émue.",
        "Les élèves ont réussi l’examen de français.",
    ],
    "german": [
        "Die Straße ist für Fußgänger gesperrt.",
        "Grüße aus München und „schöne“ Feiertage!",
        "Über 50 Prozent der Bevölkerung nutzen Bücher täglich.",
    ],
    # Central European: ISO-8859-2 and Windows-1250 read many of these letters alike, at
    # the same cost, and differ on which (`Ĺź` is ż through one, ş through the other).
    "polish": [
        "Użytkownik może zmienić ustawienia w każdej chwili.",
        "Już wkrótce pojawi się nowa wersja programu.",
        "Różnica między plikami jest niewielka.",
    ],
    "czech": [
        "Chybná verze souboru, zkuste to znovu.",
        "Nechť se změny uloží až po kontrole.",
        "Stránka obsahuje důležité informace.",
    ],
    "vietnamese": [
        "Tiếng Việt có nhiều dấu thanh điệu.",
        "Chúng tôi đã thu thập mười bài báo khoa học.",
        "Hà Nội là thủ đô của Việt Nam.",
    ],
    "emoji": [
        "👍 73",
        "## 📊 좋아요 순위",
        "Great work 🎉🚀 thanks!",
        "Votes: 👍 12 · 👎 3 · 👀 7",
        "🔥 Trending today 😂❤️",
        "✅ Done, 💡 idea, 📝 notes",
    ],
    "typography": [
        "“Quotes” and ‘single quotes’ — with dashes – and ellipses…",
        "Prices: €20, £15, ¥300; temperature 21 °C ± 0.5.",
        "Bullet • list, trademark™, copyright © 2025, section § 3.",
        "Math: α + β ≤ γ, x² + y² = z², ∑ᵢ aᵢ, ∞ ≠ 0.",
    ],
}

# Text that looks odd but is right: nothing may change it.
TRICKY = [
    "Accented names: José Ñúñez, Zoë Brontë, Søren Kierkegaard, Ærø, Łódź, İstanbul.",
    "ALL CAPS WITH ACCENTS: ÉTÉ, CAFÉ», ESPAÑA”, STRASSE „GRÜSSE“.",
    "Mac-style: l’écosystème, d’où, «Élan», —à bientôt.",
    "Quoting mojibake on purpose: `Ã©` and `ì¼ê°„` stay inside code spans.",
    "Math and symbols: ¬p ∨ q, √2 ≈ 1.414, µ = 3 µm, ½ + ¼ = ¾.",
    "Turkish: Ağaç, göğüs, şişe, ığdır, İzmir; Polish: źdźbło, żółw.",
    "Russian capitals in quotes: «ЛЕВ», «ГОСТ», „ВАЖНО“.",
    "Icelandic: Þórður Ðorgeirsson, Ísafjörður.",
    "Romanian: ȘTIINȚĂ, „ȚARĂ”, mâine.",
    # Letters that, read as a legacy code page, spell one valid UTF-8 character by chance.
    "Ukrainian: Перевірте свої дії, бо кожна з них діє одразу.",
    "Ukrainian: Вона робить це для її друзів.",
    "Russian: «Я помню её», — ответил он. «Мне нравится её…»",
    "Russian: Она пришла вчера. Её",
    "French spacing: il a dit « fermé » puis « allé… » et « réglé » — enfin.",
    "French no-break spaces: il a dit «\u00a0fermé\u00a0» puis «\u00a0allé\u00a0» — enfin\u00a0!",
    "French spacing: «Je suis arrivé…» et « été »",
    "Czech: slovo už bylo řečeno – a další věc je hotová – konečně.",
    "Czech no-break spaces: agent už běží\u00a0– nový přepínač\u00a0– %c.",
    "Spanish: Dijo que sí…” y luego se fue; “está bien”.",
    "Traditional Chinese: 篩選 結果, 盧巴-加丹加語, 將封存透過 %s 篩選",
    "Math: √∑ and ≈≠ appear, or ¬® beside ±²³µ¶·¹º»¼½¾¿.",
    "Slovak alphabet: aáäbcčdďeéfghiíjklĺľmnňoóôpqrŕsštťuúvwxyýzž",
    "Capitals: KOINÈ™, PSYCHÈ™, »ô…«, „Çà“.",
]


def catalog_korean(limit=200):
    """Korean strings from installed message catalogs (if any), for more varied syllables."""
    found = []
    for path in sorted(glob.glob("/usr/share/locale/ko/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog
        except Exception:
            continue
        for value in catalog.values():
            text = value if isinstance(value, str) else ""
            if 8 <= len(text) <= 80 and "\n" not in text and not set("`*_[]<>{}#|\\") & set(text) and any("\uac00" <= c <= "\ud7a3" for c in text):
                found.append(text.strip())
    found = sorted(set(found))
    step = max(1, len(found) // limit)
    return found[::step][:limit]
