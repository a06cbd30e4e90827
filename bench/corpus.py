"""Generate a corpus of realistic cited Markdown pages, with planted uncited claims.

Each page has about 1,000 words: headings, paragraphs whose every sentence
carries its citation, cited list items, a table and an admonition, like the
site's pages. Every page with a number divisible by 50 gets one uncited claim,
so a run can prove the checker still finds every planted finding at scale.

zh_page_text() writes a Chinese page of the same shape from real sentences of
the site's Chinese pages; corpus_pages() mixes the two in memory.

shape_body() writes one long block instead (a paragraph on one line or on
many, a list, a table), the inputs on which the checker once grew quadratically.
"""

import datetime
import random
import re
from pathlib import Path

KEYS = ["casiraghi2020tolerance", "perico2018longterm", "tan2012induction", "lalu2012safecell",
        "kawai2008hla", "sawitzki2020onestudy", "dominici2006minimal", "butler2004nonadherence"]
SENTENCES = [
    "Mesenchymal stromal cells are grown in a laboratory from a small sample of bone marrow",
    "The transplant team checks kidney function with regular blood tests at the clinic",
    "Doctors reduced the anti-rejection medicines slowly while they watched for signs of rejection",
    "Researchers measured immune cells in the blood before and after the cells were given",
    "Regulatory T cells help to keep the immune system calm and may support tolerance",
    "Most people need anti-rejection medicines for as long as the new kidney works",
    "The study did not have a control group, so it cannot show what caused the result",
    "Side effects of these medicines can include infections and some kinds of cancer",
]
PLANTED = "This planted claim has no citation at all"


REVIEWED = datetime.date(2026, 11, 26)  # pass as `today` to check_page, so no date rule fires


def front_matter(title):
    """The front matter every generated page starts with, and the blank line after it."""
    return (f"---\ntitle: {title}\ndescription: A generated page.\nlast_reviewed: {REVIEWED}\n"
            f"next_review: {REVIEWED.replace(year=REVIEWED.year + 1)}\nevidence_checked: {REVIEWED}\n---\n\n")


def page_text(number, rng):
    lines = front_matter(f"Page {number}").split("\n")[:-1] + [f"# Page {number}", ""]
    words = 0
    section = 0
    while words < 1000:
        section += 1
        lines += [f"## Section {section}", ""]
        for _ in range(3):
            # A citation covers only its own sentence, so each sentence carries one.
            paragraph = [f"{s} [@{rng.choice(KEYS)}]." for s in rng.sample(SENTENCES, 4)]
            lines += paragraph + [""]
            words += sum(len(s.split()) for s in paragraph)
        lines += [f"Signs to watch for include [@{rng.choice(KEYS)}]:", "", "- fever", "- swollen ankles",
                  f"- {rng.choice(SENTENCES)} [@{rng.choice(KEYS)}].", ""]
        lines += ["| Study | Finding |", "| --- | --- |",
                  f"| A study | {rng.choice(SENTENCES)} [@{rng.choice(KEYS)}] |", ""]
        lines += ['!!! note "Good to know"', f"    {rng.choice(SENTENCES)} [@{rng.choice(KEYS)}].", ""]
        words += 60
    if number % 50 == 0:
        lines += [PLANTED + ".", ""]
    return "\n".join(lines)


def write_corpus(folder, pages, seed=2026):
    """Write `pages` pages into folder; return how many planted findings it holds."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, pages + 1):
        (folder / f"page{number:05d}.md").write_text(page_text(number, rng), encoding="utf-8")
    return pages // 50


# -----------------------------------------------------------------------------
# Chinese pages, and a mixed corpus in memory
# -----------------------------------------------------------------------------

# Real sentences of docs/**/*.zh.md with their citations taken off (each gets a key
# of KEYS instead): numbers, English glosses and abbreviations in brackets, quoted
# words and 间充质干细胞, so the claim and terminology rules do their real work.
ZH_SENTENCES = [
    "免疫耐受是指不用任何抗排斥药，您的身体也能接受新肾",
    "这些药能抑制免疫系统，让它不去攻击新肾",
    "排斥反应可能损伤新肾，您也可能因此失去它",
    "透析是用机器清除血液中废物的一种治疗",
    "医生用“操作性耐受”这个词，指医生停用所有抗排斥药以后，肾仍然工作良好",
    "在停药多年以前，这名患者输注过间充质基质细胞（MSC），这些细胞是用患者自己的骨髓培养的",
    "MSC是英文“mesenchymal stromal cell”的缩写，中文叫间充质基质细胞",
    "MSC有时也被叫作间充质干细胞",
    "国际细胞治疗协会（ISCT）的专家更愿意用“基质”这个词",
    "他们认为，把这些细胞叫作“干”细胞并不准确，还可能让公众产生误解",
    "在一项小型研究中，10人接受了逝世后器官捐献者的肾移植，之后输入了第三方MSC",
    "在同一项研究中，10人中有4人产生了抗体，这些抗体针对MSC，或针对MSC和移植肾共有的HLA标志物",
    "科学家说，MSC得到了炎症的“许可”（licensing）",
    "在最初6个月里，用间充质基质细胞的人，100人中约有8人发生排斥反应，而用常规抗体药物的人，100人中约有22人",
    "在这篇综述的8项随机对照试验（共321人）中，间充质基质细胞输液与短暂发热有关，但没有发现与感染、癌症或死亡有关",
    "英格兰国家医疗服务体系（NHS England）为所有撰写健康信息的机构发布了这项标准",
    "这个意大利病例是以病例报告的形式发表的，只讲了一位患者",
    "在一项名为“ONE研究”（The ONE Study）的研究中，患者接受的是用其他种类免疫细胞制成的治疗，不是间充质基质细胞",
]
# A lead-in and list items (fragments its citation covers), and glossary rows, from the same pages.
ZH_LEAD_IN = "排斥反应的迹象可能包括"
ZH_ITEMS = ["发热", "尿量比平时少", "脚踝、腿或脸肿", "血压升高"]
ZH_TABLE_ROWS = [("排斥反应（rejection）", "您的免疫系统把新肾当作外来的东西，对它发动攻击"),
                 ("免疫抑制剂（immunosuppressants）", "抗排斥药的另一个名称"),
                 ("病例报告（case report）", "对单个患者的详细记录，没有用来对比的一组人"),
                 ("逝世后器官捐献者（deceased donor）", "去世后捐献器官的人")]
ZH_PLANTED = "这个植入的说法没有任何引用"
_HAN = re.compile(r"[\u3400-\u9fff]")


def zh_page_text(number, rng):
    """A Chinese page of about 1,000 characters, built like page_text; number % 50 == 0 plants one uncited claim."""
    lines = front_matter(f"第{number}页").split("\n")[:-1] + [f"# 第{number}页", ""]
    characters = 0
    section = 0
    while characters < 1000:
        section += 1
        lines += [f"## 第{section}节", ""]
        for _ in range(3):
            paragraph = [f"{s}[@{rng.choice(KEYS)}]。" for s in rng.sample(ZH_SENTENCES, 4)]
            lines += paragraph + [""]
        lines += [f"{ZH_LEAD_IN}[@{rng.choice(KEYS)}]：", ""] + [f"- {item}" for item in rng.sample(ZH_ITEMS, 2)]
        lines += [f"- {rng.choice(ZH_SENTENCES)}[@{rng.choice(KEYS)}]。", ""]
        term, meaning = rng.choice(ZH_TABLE_ROWS)
        lines += ["| 术语 | 意思 |", "| --- | --- |", f"| {term} | {meaning}[@{rng.choice(KEYS)}]。 |", ""]
        lines += ['!!! note "提示"', f"    {rng.choice(ZH_SENTENCES)}[@{rng.choice(KEYS)}]。", ""]
        characters = sum(len(_HAN.findall(line)) for line in lines)
    if number % 50 == 0:
        lines += [ZH_PLANTED + "。", ""]
    return "\n".join(lines)


def is_chinese_page(number):
    """A quarter of the corpus (pages 2, 6, 10, ...) is Chinese; planted pages fall in both languages."""
    return number % 4 == 2


def corpus_pages(pages, seed=2026):
    """[(name, text)] of `pages` pages in memory, a quarter of them Chinese, and how many
    uncited claims they plant (one per 50 pages, on the last line of the page)."""
    rng = random.Random(seed)
    made = [(f"page{number:05d}{'.zh' if is_chinese_page(number) else ''}.md",
             (zh_page_text if is_chinese_page(number) else page_text)(number, rng))
            for number in range(1, pages + 1)]
    return made, pages // 50


def corpus_bib(path):
    entries = [f"@misc{{{key},\n  evidence = {{case report}},\n  title = {{{key}}},\n  year = {{2020}},\n"
               f"  url = {{https://example.org/{key}}}\n}}\n" for key in KEYS]
    Path(path).write_text("\n".join(entries), encoding="utf-8")


# -----------------------------------------------------------------------------
# One block of a given shape, for the checker's scaling benchmark and its 1 MB test
# -----------------------------------------------------------------------------

# How each shape writes one sentence, and what comes before the first.
SHAPES = {"one line": ("", "{} "), "one sentence per line": ("", "{}\n"), "one list": ("", "- {}\n"),
          "one table": ("| Study | Finding |\n| --- | --- |\n", "| A study | {} |\n")}
PLANTED_NUMBER = "In 3 of 4 patients the medicines were reduced."


def shape_body(shape, size, key=KEYS[0]):
    """About `size` characters of Markdown, all in one block of `shape` (a key of SHAPES).

    Every sentence is cited or is advice, except the last, which gives a
    number with no citation: exactly one finding, on the last line, shows that
    the checker read to the end. A one-line page has one paragraph of
    thousands of sentences; a list, thousands of items under no lead-in.
    """
    head, form = SHAPES[shape]
    pieces, total = [head], len(head)
    while total < size:
        if len(pieces) % 5 == 0 and shape != "one table":  # a table row needs a citation, advice or not
            sentence = "Ask your team about this."
        else:
            sentence = f"{SENTENCES[len(pieces) % len(SENTENCES)]} [@{key}]."
        pieces.append(form.format(sentence))
        total += len(pieces[-1])
    pieces.append(form.format(PLANTED_NUMBER))
    return "".join(pieces).rstrip(" \n") + "\n"
