"""Words the generator puts on pages, per language.  Content words live in content/."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Strings:
    prompt: str  # label before the question prompt
    answer: str  # summary of the collapsible answer
    index_title: str
    index_intro: str  # formatted with {count}
    index_tools: str  # the line under it that links the calculator: formatted with {calculator}, its link
    calculator_name: str  # that link's text
    topic: str
    previous: str
    next: str
    all_questions: str
    colon: str  # after a label, before its value
    copy_link: str
    copy_markdown: str
    copied: str
    home_card_title: str  # preview card of the home and index pages, after the count
    home_card_footer: str
    crumbs_label: str  # accessible names of the two navigation landmarks on a question page
    pager_label: str
    note_heading: str  # the editor's note section of a source: `## {note_heading} { #note }`
    example_heading: str
    example_intro: str  # formatted with {file}
    output: str
    related_heading: str
    difficulty: str
    all_topics: str
    all_levels: str
    origin: str  # where a question comes from: the seed article or this site
    all_origins: str
    origins: dict[str, str]  # 'seed' | 'site' → label
    filter_label: str
    filter_count: str  # formatted by qa.js: {shown} of {total}
    expand_all: str  # buttons that open / close every answer on a page
    collapse_all: str
    expand_label: str
    self_test_label: str  # the self-test marks: "did you know it?"
    self_test_question: str
    mark_known: str
    mark_review: str
    progress: str  # formatted by qa.js: {known} {review} {total}
    reset_marks: str
    all_title: str  # the single page with every question and answer
    all_intro: str  # formatted with {count}
    download_pdf: str
    last_updated: str
    edit_page: str
    report_mistake: str
    question_page: str  # link from the all-questions page to a question's own page
    # the exports (qa.exports): llms.txt, llms-full.txt and the links between them
    exports_intro: str  # the paragraph under the summary of llms.txt and llms-full.txt
    page_label: str  # before a question's address in llms-full.txt
    full_export_title: str
    full_export_about: str
    dataset_title: str
    dataset_about: str
    other_language_title: str  # the other language's llms.txt
    other_language_about: str


STRINGS: dict[str, Strings] = {
    "zh": Strings(
        prompt="题目：",
        answer="答案",
        index_title="全部题目",
        index_intro="共 {count} 道题，按主题分组。点击题目进入题目页，先思考，再展开答案。",
        index_tools="估算 KV 缓存、显存与解码速度：{calculator}。",
        calculator_name="KV 缓存与显存计算器",
        topic="主题",
        previous="上一题",
        next="下一题",
        all_questions="全部题目",
        colon="：",
        copy_link="复制链接",
        copy_markdown="复制 Markdown 链接",
        copied="已复制到剪贴板",
        home_card_title="道大型语言模型推理加速面试题，每题一页，中英双语",
        home_card_footer="KV cache · 批处理 · 投机解码 · 并行 · 量化",
        crumbs_label="所在位置",
        pager_label="上一题与下一题",
        note_heading="编者注",
        example_heading="代码示例",
        example_intro="可运行的示例 `{file}`（Python 标准库与 NumPy，不下载任何模型或数据）：",
        output="运行输出：",
        related_heading="相关题目",
        difficulty="难度",
        all_topics="全部主题",
        all_levels="全部难度",
        origin="来源",
        all_origins="全部来源",
        origins={"seed": "原文题", "site": "本站新增"},
        filter_label="筛选题目",
        filter_count="显示 {shown} / {total} 道题",
        expand_all="全部展开",
        collapse_all="全部收起",
        expand_label="展开或收起答案",
        self_test_label="自测",
        self_test_question="这道题你答上来了吗？",
        mark_known="答上来了",
        mark_review="需要复习",
        progress="自测进度：答上来 {known} 题，需要复习 {review} 题，共 {total} 题",
        reset_marks="清除自测记录",
        all_title="全部题目与答案",
        all_intro="全部 {count} 道题及答案，适合通读与打印。",
        download_pdf="下载 PDF（全部题目与答案）",
        last_updated="最后更新",
        edit_page="在 GitHub 上编辑此页",
        report_mistake="报告错误",
        question_page="题目页",
        exports_intro=(
            "每道题一页：题目、答案、编者注（附论文或官方文档出处）和可运行的代码示例。"
            "原文题的中文题目与答案来自「秒推时代」文章；本站新增的题目、全部编者注和英文版由本站编写。"
        ),
        page_label="网址",
        full_export_title="全部题目与答案",
        full_export_about="纯 Markdown，按编号排列，含编者注",
        dataset_title="题目数据集（JSON）",
        dataset_about="中英双语的全部题目，格式见 questions.schema.json",
        other_language_title="English version",
        other_language_about="本列表的英文版",
    ),
    "en": Strings(
        prompt="Question:",
        answer="Answer",
        index_title="All questions",
        index_intro="{count} questions, grouped by topic. Open a question, think it through, then reveal the answer.",
        index_tools="Estimate KV cache, GPU memory and decode speed: the {calculator}.",
        calculator_name="KV cache and GPU memory calculator",
        topic="Topic",
        previous="Previous",
        next="Next",
        all_questions="All questions",
        colon=": ",
        copy_link="Copy link",
        copy_markdown="Copy Markdown link",
        copied="Copied to the clipboard",
        home_card_title="interview questions on making LLM inference fast, one page each",
        home_card_footer="KV cache · batching · speculative decoding · parallelism · quantization",
        crumbs_label="Breadcrumbs",
        pager_label="Previous and next question",
        note_heading="Editor's note",
        example_heading="Runnable example",
        example_intro="A runnable example, `{file}` (Python standard library and NumPy; nothing is downloaded):",
        output="What it prints:",
        related_heading="Related questions",
        difficulty="Difficulty",
        all_topics="All topics",
        all_levels="All levels",
        origin="Origin",
        all_origins="All origins",
        origins={"seed": "From the seed article", "site": "Added by this site"},
        filter_label="Filter questions",
        filter_count="Showing {shown} of {total} questions",
        expand_all="Expand all",
        collapse_all="Collapse all",
        expand_label="Expand or collapse the answers",
        self_test_label="Self-test",
        self_test_question="Did you know the answer?",
        mark_known="I knew it",
        mark_review="Review again",
        progress="Self-test: {known} known, {review} to review, of {total} questions",
        reset_marks="Reset self-test",
        all_title="All questions and answers",
        all_intro="All {count} questions with their answers, for reading through and printing.",
        download_pdf="Download the PDF (all questions and answers)",
        last_updated="Last updated",
        edit_page="Edit this page on GitHub",
        report_mistake="Report a mistake",
        question_page="Question page",
        exports_intro=(
            "One page per question: the question, its answer, an editor's note citing papers or official "
            "documentation, and a runnable example. The seed questions and their answers are translated from the "
            "Chinese Miaotui article; the questions added by this site and every editor's note are this site's own."
        ),
        page_label="Page",
        full_export_title="Every question and answer",
        full_export_about="plain Markdown in number order, with the editor's notes",
        dataset_title="Question dataset (JSON)",
        dataset_about="every question in both languages; its format is in questions.schema.json",
        other_language_title="Chinese version",
        other_language_about="the original Chinese text of this list",
    ),
}
