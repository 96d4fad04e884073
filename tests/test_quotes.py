"""Quote extraction and attribution: the seeds by hand, sentence shapes, odd marks, measures."""
from __future__ import annotations

import csv
import json
import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import boilerplate, corpus as C, quotes as Q, text as T
from analysis.paths import DATA, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "quotes"


@pytest.fixture(scope="module")
def seeds():
    corpus = C.load_corpus(ROOT / "seeds", DATA / "articles.csv")
    lines = boilerplate.label_lines(corpus.lines, boilerplate.furniture(corpus.texts))
    paragraphs = boilerplate.content_paragraphs(lines, corpus.paragraphs)
    content = boilerplate.content_sentences(lines, corpus.sentences)
    return corpus, Q.extract(paragraphs, content, corpus.texts)


def run(text: str, headline: bool = False) -> dict:
    return Q.run_items([{"id": "t", "text": text, "headline": headline}])


def one(text: str, headline: bool = False) -> list[tuple]:
    q = run(text, headline)["quotes"]
    return [(r.text, r.kind, r.speaker, r.speaker_type) for r in q.itertuples()]


def quote_speakers(text: str, *columns: str) -> list[list]:
    """The given columns (the speaker by default) of each quote found in one text, in order."""
    return run(text)["quotes"][list(columns or ("speaker",))].values.tolist()


def reported_speakers(text: str) -> list[str]:
    """The speaker of each speech row of one body paragraph (under a headline), in order."""
    return run("Headline\n\n" + text)["speech"]["speaker"].tolist()


# ---------------------------------------------------------------- the seeds, checked by hand

SEED_GOLD = list(csv.DictReader(open(FIXTURES / "seed_quotes.csv", encoding="utf-8")))


@pytest.mark.parametrize("gold", SEED_GOLD, ids=[f"{g['article']}-{g['line']}-{g['text_starts'][:12]}" for g in SEED_GOLD])
def test_seed_quote(seeds, gold):
    _, out = seeds
    q = out["quotes"]
    rows = q[q["article_id"].str.startswith(gold["article"]) & (q["line"] == int(gold["line"]))
             & q["text"].str.startswith(gold["text_starts"])]
    assert len(rows) == 1, f"quote not found: {gold}"
    row = rows.iloc[0]
    assert (row["kind"], row["speaker"], row["speaker_type"], row["cue"]) == (
        gold["kind"], gold["speaker"], gold["speaker_type"], gold["cue"])


def test_seeds_have_no_other_quotes(seeds):
    _, out = seeds
    assert len(out["quotes"]) == len(SEED_GOLD)


def test_seed_offsets_are_evidence(seeds):
    corpus, out = seeds
    for r in out["quotes"].itertuples():
        raw = corpus.texts[r.article_id]
        assert raw[r.start:r.end] == r.text
        assert raw[r.start - 1] in "“\"‘'" or raw[r.start - 1].isspace() or r.kind == "multi_paragraph"
        if r.speaker and r.cue != "echo":
            assert 0 <= r.speaker_start < r.speaker_end <= len(raw)
    for r in out["speech"].itertuples():
        assert 0 <= r.start < r.end <= len(corpus.texts[r.article_id])


@pytest.mark.parametrize("article, speaker_starts, mention", [
    ("000", 0, "the company"),
    ("002", 0, "the statement"),
    ("003", 0, "a spokesperson from Hikvision"),
    ("004", 0, "A Hikvision spokesperson"),
])
def test_seed_speaker_mentions(seeds, article, speaker_starts, mention):
    corpus, out = seeds
    q = out["quotes"]
    raw_mentions = {corpus.texts[r.article_id][r.speaker_start:r.speaker_end]
                    for r in q[q["article_id"].str.startswith(article)].itertuples() if r.speaker_start >= 0}
    assert mention in raw_mentions


def test_seed_001_has_reported_speech_only(seeds):
    _, out = seeds
    a = "001_3d580b8e0e7f9fbd"
    assert out["quotes"][out["quotes"]["article_id"] == a].empty
    speech = out["speech"][out["speech"]["article_id"] == a]
    assert set(speech["mode"]) == {"indirect"}
    assert {"Melanie Joly", "Hikvision"} <= set(speech["speaker"])
    stats = out["quote_stats"].set_index("article_id").loc[a]
    assert stats["quote_share"] == 0 and stats["indirect_share"] > 0


@pytest.mark.parametrize("article, speaker, speaker_type", [
    ("000", "Chinese foreign ministry", "foreign_government"),
    ("000", "Canada", "government"),
    ("004", "human rights organizations", "advocacy_group"),
    ("003", "Reuters", "media"),
])
def test_seed_reported_speakers(seeds, article, speaker, speaker_type):
    _, out = seeds
    s = out["speech"]
    hit = s[s["article_id"].str.startswith(article) & (s["speaker"] == speaker)]
    assert not hit.empty and set(hit["speaker_type"]) == {speaker_type}


# ---------------------------------------------------------------- shapes

@pytest.mark.parametrize("text, expected", [
    # curly and straight double quotes, speaker after
    ("Orion Corp. makes cars.\n\n“We expect a fair process,” the company said.",
     [("We expect a fair process,", "direct", "Orion Corp", "company")]),
    ("“We expect a fair process,” the company said.",  # no earlier company: the role stays the speaker
     [("We expect a fair process,", "direct", "company", "company")]),
    ('"We will appeal," said Maria Lopez, a spokeswoman for Northwind Energy Inc.',
     [("We will appeal,", "direct", "Maria Lopez", "company")]),
    # split quote around a cue: two quotes, one speaker
    ("“A deal is close,” Joly said. “We will sign it soon.”",
     [("A deal is close,", "direct", "Joly", "unknown"), ("We will sign it soon.", "direct", "Joly", "unknown")]),
    # colon-introduced
    ("A Northwind spokesperson told Reuters: “We firmly oppose this decision.”",
     [("We firmly oppose this decision.", "direct", "Northwind", "company")]),
    # inverted cues
    ("Acme Ltd issued a statement.\n\n“We disagree,” reads the statement.",
     [("We disagree,", "direct", "Acme Ltd", "company")]),
    ("“Research has shown harm,” adds the report, written by Rights Watch.",
     [("Research has shown harm,", "direct", "report", "unknown")]),
    ("Industry Minister Ann Lee spoke on Monday. “The review is over,” wrote the minister.",
     [("The review is over,", "direct", "Ann Lee", "government")]),
    # partial quotes inside reported speech
    ("The regulator barred the sale, citing “an unacceptable risk” to security.",
     [("an unacceptable risk", "partial", "regulator", "government")]),
    ("Acme Ltd said it “strongly disagrees” with the ruling.",
     [("strongly disagrees", "partial", "Acme Ltd", "company")]),
    # one word next to a speech verb is partial; a scare quote without a cue is a term
    ("Senator Ann Lee spoke. She “strongly” advised voters to “take note of this decision.”",
     [("strongly", "partial", "Ann Lee", "government"), ("take note of this decision.", "partial", "Ann Lee", "government")]),
    ("The so-called “golden visa” scheme was scrapped.", [("golden visa", "term", "", "unknown")]),
    # a short exclamation or question is speech, not a term; an association speaks as an advocacy group
    ("“Get out!” the man screamed.", [("Get out!", "direct", "man", "unknown")]),
    ("“We were ignored,” said Rosa Delgado, president of the Valley Growers Association.",
     [("We were ignored,", "direct", "Rosa Delgado", "advocacy_group")]),
    # a two-word name word beats its parts: a food bank is a charity, the European Union no trade union
    ("“The shelves are empty,” the Riverside Food Bank said.",
     [("The shelves are empty,", "direct", "Riverside Food Bank", "advocacy_group")]),
    ("“The talks are over,” the Allied Workers Union said.",
     [("The talks are over,", "direct", "Allied Workers Union", "advocacy_group")]),
    ("“The rules apply to all,” the European Union said.",
     [("The rules apply to all,", "direct", "European Union", "government")]),
    ("The company’s “smart city” cameras sell well.", [("smart city", "term", "", "unknown")]),
    # pronoun and nominal speakers
    ("Senator Paul Grant criticised the plan. \"This bill is a disaster,\" he said.",
     [("This bill is a disaster,", "direct", "Paul Grant", "government")]),
    ("Orion Motors Corp. reported profits.\n\n“Demand is strong,” it said in a statement.",
     [("Demand is strong,", "direct", "Orion Motors Corp", "company")]),
    # according to
    ("The merger is “dead in the water,” according to analyst Sarah Kim of Brightline Research.",
     [("dead in the water,", "partial", "Sarah Kim", "expert")]),
    # nested single quotes inside double
    ("\"When they told me 'you're fired,' I laughed,\" said Tom Reyes.",
     [("When they told me 'you're fired,' I laughed,", "direct", "Tom Reyes", "unknown")]),
    # floating: a paragraph in quotes with no cue speaks for the previous paragraph's speaker
    ("“We will fight this,” said Ann Lee, a professor at Leeds University.\n\n“The courts will decide.”",
     [("We will fight this,", "direct", "Ann Lee", "expert"), ("The courts will decide.", "floating", "Ann Lee", "expert")]),
    # multi-paragraph: an open quote continues into the next paragraph that opens with a mark
    ("“The plant will close,” said Karen Wu, chief executive of Delta Mills Ltd.\n\n“We tried everything.\n\n“Our workers deserve better.”",
     [("The plant will close,", "direct", "Karen Wu", "company"),
      ("We tried everything.", "multi_paragraph", "Karen Wu", "company"),
      ("Our workers deserve better.", "multi_paragraph", "Karen Wu", "company")]),
    # a closing curly mark used as an opening one
    ("”We are ready,” the coach said.", [("We are ready,", "direct", "coach", "unknown")]),
    # an inch mark is not a quote
    ('The 12" screen costs more.', []),
    # the attribution closes the sentence after the quote's clause: the speaker, far from the quote
    ("The plan is “unworkable” for small towns, Mayor Ruth Okafor said on Tuesday.",
     [("unworkable", "partial", "Ruth Okafor", "government")]),
    ("The proposal “goes too far” in limiting appeals, said Dan Moss, a lawyer in Leeds.",
     [("goes too far", "partial", "Dan Moss", "unknown")]),
    # ... and an unnamed role speaks for the named subject of that clause; a later partial follows it
    ("Orion Corp. makes cars.\n\nThe company “strongly disagrees” with the ruling, a spokesperson told "
     "Reuters, adding that it would “explore all options”.",
     [("strongly disagrees", "partial", "Orion Corp", "company"),
      ("explore all options", "partial", "Orion Corp", "company")]),
    # a cue that reports something else is no closing attribution: the two-word quote stays a term
    ("The “smart city” plan stalled, officials said that funding ran out.",
     [("smart city", "term", "", "unknown")]),
])
def test_shapes(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, speakers", [
    # a cue after "and" takes the sentence's subject, not a pronoun's last speaker, past an earlier quote
    # ("accused" is a cue of its own, read back to the whole phrase, as "said" would be)
    ("Orion Corp. said it was “deeply disappointed”.\n\nThe Chinese embassy in Ottawa accused Canada of "
     "“abusing state power” and said it would take “necessary measures”.",
     ["Orion Corp", "Chinese embassy in Ottawa", "Chinese embassy"]),
    # "a company spokesperson" speaks for the company named before, not for the last organisation that spoke
    ("Trade Canada ordered Orion Corp. to close its plant, the agency said on Monday.\n\n"
     "“We comply with all laws,” a company spokesperson said.", ["Orion Corp"]),
    # "It said" right after a document is named: the document's owner, not the last organisation to speak
    ("Ottawa told Orion Corp. to leave.\n\nMinister Ann Lee's statement was short. It said the company's "
     "operations “would be injurious to national security”. Orion called the order “discriminatory”.",
     ["Ann Lee", "Orion Corp"]),   # "Orion": the Orion Corp. named before
    # a wire dateline in capitals is not the subject a participle's quote goes to
    ("PRAGUE (Reuters) — Interior Minister Pavel Novak said on Sunday the border would stay open, adding that "
     "the situation was “under control.”", ["Pavel Novak"]),
    # "he said" right after a sentence whose subject is a newly named person: that person; a reply answers
    # the last speaker, so it is the one before
    ("Councillor Maya Brandt and developer Owen Fisk clashed on Tuesday.\n\n“The tower is too tall,” Brandt said."
     "\n\nFisk disagreed. “The studies show an hour of shade,” he said.\n\n“An hour is too long,” she replied.",
     ["Maya Brandt", "Owen Fisk", "Maya Brandt"]),
    # an age after the name is no speaker; "the 19-year-old" is the person just named
    ("Margaret Doyle, 71, who has lived on the street for 40 years, said: “It was terrifying.”", ["Margaret Doyle"]),
    ("Nadia Petrova lost to qualifier Zoe Hartley.\n\nHartley, ranked 187th, could hardly believe it. "
     "“I’m still shaking,” the 19-year-old said.", ["Zoe Hartley"]),
    # the one told is the listener, not the speaker; a named subject before a colon speaks
    ("Gary Whitcombe, 54, admitted wounding.\n\nProsecutor Emma Lyle told the court Whitcombe had shouted "
     "“I’ll kill you” before lunging.", ["Gary Whitcombe"]),
    ("Coach Marco Bellini was blunt: “We were embarrassed tonight.”\n\nHis captain, Joe Ashworth, struck a "
     "similar note: “Nobody can look the fans in the eye.”", ["Marco Bellini", "Joe Ashworth"]),
    ("An unnamed cabinet minister said the leader was “living on borrowed time.”", ["cabinet minister"]),
    # "the official" is the unnamed official who spoke before; an organisation goes by its first word
    ("A senior administration official said the campaign bore “all the hallmarks” of a state group.\n\n"
     "“We have seen this before,” the official said.", ["senior administration official"] * 2),
    ("“We have seen this playbook before,” the official said.", ["official"]),
    ("Tianrui Networks makes routers.\n\nTianrui said it was “surprised and disappointed”.", ["Tianrui Networks"]),
    # who owns or hosts an organisation is no part of its name
    ("Chinese-owned Caldor Semiconductor called the order “wrong and disproportionate”.", ["Caldor Semiconductor"]),
    ("Shenzhen-based Tianrui Networks makes routers.\n\nTianrui said it was “surprised”.", ["Tianrui Networks"]),
    ("A Home Office spokesperson said: “We do not comment on operational matters.”", ["Home Office"]),
    # anonymous sources: what ties them to what they know is part of who they are, and "one of" them is them
    ("Two people familiar with the matter said the deal was “close but not done”.\n\n"
     "“They knew and they sat on it,” one of the people said.", ["people familiar with the matter"] * 2),
    # a role word before a name is a title, not part of the name; shouting is speaking
    ("Striker Kofi Mensah scored twice.\n\n“Nobody came! Not one person!” he shouted.", ["Kofi Mensah"]),
])
def test_speaker_of_a_clause(text, speakers):
    assert [s for [s] in quote_speakers(text)] == speakers


def test_a_wire_dateline_names_the_home_country():
    # more mentions of Russia than of Ukraine, but the story is told from Kyiv: its president is the home government
    text = ("KYIV (Wire) - Ukrainian President Oleh Marchenko said his country would “never trade land for peace,” "
            "hours after a Russian missile strike.\n\n“Every one of these missiles is a message from Moscow,” "
            "Marchenko said.\n\nThe Kremlin rejected the accusation.")
    assert {tuple(r) for r in quote_speakers(text, "speaker", "speaker_type")} == {("Oleh Marchenko", "government")}


def test_headline_single_quotes():
    got = one("‘We will not back down,’ says Berg as protests grow\n\nHealth Minister Anna Berg spoke on Monday.",
              headline=True)
    assert got == [("We will not back down,", "direct", "Anna Berg", "government")]


def test_apostrophes_are_not_single_quotes():
    assert one("Canada’s order hits the companies’ plans\n\nThe firm’s shares fell.", headline=True) == []


def test_foreign_government_follows_the_main_country():
    text = ("Germany and German officials met in Berlin. German Chancellor Eva Schulz spoke.\n\n"
            "French President Luc Martin said the talks were “very useful.” “Europe must stand together,” Schulz said.")
    got = {g[2]: g[3] for g in one(text)}
    assert got == {"Luc Martin": "foreign_government", "Eva Schulz": "government"}


# ---------------------------------------------------------------- odd marks: recover, record, never swallow

@pytest.mark.parametrize("text, quote, problem", [
    ("Mayor Lisa Tran said the plan was \"a step forward.\n\nCouncil will vote next week.",
     "a step forward.", "unclosed"),
    ("She said “we will win.\n\nNobody expected the result.", "we will win.", "unclosed"),
    ("The firm said it was ready.” Shares rose.", None, "stray closing"),
    ("He said “yes “and no” to the plan.", "yes", "inside an open quote"),
])
def test_unbalanced_marks(text, quote, problem):
    out = run(text)
    texts = out["quotes"]["text"].tolist()
    if quote is None:
        assert texts == []
    else:
        assert texts[0] == quote
    assert any(problem in p for p in out["problems"]["problem"])
    assert problem in out["quote_stats"]["problem"].iloc[0]
    # the next paragraph is never swallowed into the quote
    assert all("\n" not in t for t in texts)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "‘", "’", "'", "He said ", "the company", ", ", ". ", "\n\n",
                                 "Joly", " told Reuters: ", "word ", "«", "»", "so-called "]), max_size=40))
def test_odd_text_never_crashes(parts):
    text = "".join(parts)
    out = run(text)
    assert set(out) == {"quotes", "speech", "quote_stats", "voices", "problems"}
    assert not any("failed" in p for p in out["problems"]["problem"])
    for r in out["quotes"].itertuples():
        assert text[r.start:r.end] == r.text and r.kind in Q.KINDS and r.speaker_type in Q.SPEAKER_TYPES
    stats = out["quote_stats"]
    if len(stats):
        assert 0 <= stats["quote_share"].iloc[0] <= 1


# ---------------------------------------------------------------- reported speech and measures

@pytest.mark.parametrize("text, speaker, mode", [
    ("Industry Minister Melanie Joly made the announcement on Friday, stating that the firm posed a threat.",
     "Melanie Joly", "indirect"),
    ("Acme Ltd said on Monday it was challenging the order.", "Acme Ltd", "indirect"),
    ("According to Reuters, sanctions were issued.", "Reuters", "indirect"),
    ("The rights group Free Voices alleged that the firms aided repression.", "Free Voices", "indirect"),
    ("“We disagree,” said Acme Ltd.", "Acme Ltd", "direct"),
    # a relative clause between the subject and its cue; "state" there is a noun, not a cue
    ("Acme Ltd, which is partly owned by the Chinese state, denied that its cars were unsafe.", "Acme Ltd", "indirect"),
    ("“We disagree,” states the report.", "report", "direct"),
])
def test_speech_modes(text, speaker, mode):
    speech = run(text)["speech"]
    assert speech[["speaker", "mode"]].values.tolist() == [[speaker, mode]]


@pytest.mark.parametrize("text", [
    "Five subsidiaries were added to a trade blacklist in 2023.",   # passive 'added'
    "The United States imposed sanctions.",                         # 'States' is a name
    "The FBI warned about a malware.",                               # 'warned' needs 'that'
    "The report was published on Monday.",                           # 'report' as a noun
])
def test_not_reported_speech(text):
    assert run(text)["speech"].empty


def test_quote_share_excludes_terms_and_headlines():
    text = "‘Big win’ says Lee\n\n“We won the vote today,” said Ann Lee. The so-called “golden visa” plan ended."
    out = run(text, headline=True)
    stats = out["quote_stats"].iloc[0]
    body_words = 14  # We won the vote today | said Ann Lee | The so-called golden visa plan ended
    assert stats["n_quotes"] == 1
    assert stats["quote_share"] == round(5 / body_words, 4)
    assert stats["first_speaker"] == "Ann Lee"
    assert abs(stats["quote_share"] + stats["indirect_share"] + stats["narrator_share"] - 1) < 1e-3


def test_voices_balance():
    text = ("“We object,” said Acme Ltd. “Strongly,” it added.\n\n"
            "Industry Minister Ann Lee said the order stands.")
    voices = run(text)["voices"].set_index("speaker")
    assert voices.loc["Acme Ltd", "n_quotes"] == 2 and voices.loc["Acme Ltd", "n_words"] == 3
    assert voices.loc["Acme Ltd", "speaker_type"] == "company"
    assert voices.loc["Ann Lee", "n_indirect"] == 1 and voices.loc["Ann Lee", "n_quotes"] == 0


def test_empty_input_gives_empty_tables_with_columns():
    out = Q.extract(pd.DataFrame(columns=C.PARAGRAPH_COLUMNS + ["role"]),
                    pd.DataFrame(columns=C.SENTENCE_COLUMNS + ["line", "role"]), {})
    assert list(out["quotes"].columns) == Q.QUOTE_COLUMNS
    assert list(out["speech"].columns) == Q.SPEECH_COLUMNS
    assert list(out["quote_stats"].columns) == Q.STATS_COLUMNS
    assert list(out["voices"].columns) == Q.VOICE_COLUMNS
    assert all(len(t) == 0 for t in out.values())
    # the speaker offsets are int64 with no rows too (cast only when the rows did not make them so)
    assert out["quotes"]["speaker_start"].dtype == "int64" and out["quotes"]["speaker_end"].dtype == "int64"


def test_chunks_concatenate(seeds):
    corpus, whole = seeds
    lines = boilerplate.label_lines(corpus.lines, boilerplate.furniture(corpus.texts))
    paragraphs = boilerplate.content_paragraphs(lines, corpus.paragraphs)
    content = boilerplate.content_sentences(lines, corpus.sentences)
    ids = sorted(corpus.texts)
    parts = [Q.extract(paragraphs[paragraphs.article_id.isin(chunk)], content[content.article_id.isin(chunk)],
                       {i: corpus.texts[i] for i in chunk}) for chunk in (ids[:2], ids[2:])]
    joined = pd.concat([p["quotes"] for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(joined, whole["quotes"], check_dtype=False)


# ---------------------------------------------------------------- across outlets

def test_quote_variants_pairs_the_same_statement(seeds):
    corpus, out = seeds
    pairs = Q.quote_variants(out["quotes"], corpus.articles)
    joly = pairs[pairs["quote_a"].str.startswith("This determination")]
    assert {("002", "003")} == {(a[:3], b[:3]) for a, b in zip(joly["article_a"], joly["article_b"])}
    assert (joly["similarity"] == 1.0).all()
    # the 003 and 004 renderings of one Hikvision statement differ in wording
    hik = pairs[pairs["quote_a"].str.contains("disagree|oppose") & pairs["quote_b"].str.contains("disagree|oppose")]
    assert len(hik) == 1 and 0.3 < hik["similarity"].iloc[0] < 1.0


# ---------------------------------------------------------------- precision and recall on hand-made copy

def test_evaluation_set_is_well_formed():
    for path in (FIXTURES / "eval.json", FIXTURES / "holdout.json", FIXTURES / "stress.json",
                 FIXTURES / "stress_tech.json", FIXTURES / "holdout2.json", FIXTURES / "holdout3.json",
                 FIXTURES / "holdout4.json", FIXTURES / "holdout5.json", FIXTURES / "holdout6.json",
                 FIXTURES / "holdout7.json", FIXTURES / "holdout8.json", FIXTURES / "holdout9.json",
                 FIXTURES / "holdout10.json", FIXTURES / "holdout11.json", FIXTURES / "holdout12.json",
                 FIXTURES / "holdout13.json", FIXTURES / "holdout14.json", FIXTURES / "holdout15.json",
                 FIXTURES / "holdout16.json"):
        items = json.loads(path.read_text(encoding="utf-8"))
        for item in items:
            for g in item["quotes"]:
                assert g["text"] in item["text"], (item["id"], g["text"])
                assert g["kind"] in Q.KINDS and g["speaker_type"] in Q.SPEAKER_TYPES


@pytest.mark.parametrize("name, bars", [
    ("eval.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                   ("attribution", "precision"): 0.9, ("attribution", "recall"): 0.9,
                   ("speaker_type", "accuracy"): 0.9}),
    # never tuned on: a lower, honest bar
    ("holdout.json", {("extraction", "precision"): 0.85, ("extraction", "recall"): 0.85,
                      ("attribution", "precision"): 0.65, ("attribution", "recall"): 0.6,
                      ("speaker_type", "accuracy"): 0.55}),
    # a second stress test (see the fixtures' README): tuned on after a first run of 0.83 / 0.76 / 0.66
    ("stress.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                     ("attribution", "precision"): 0.9, ("attribution", "recall"): 0.8,
                     ("speaker_type", "accuracy"): 0.7}),
    # a third, on technology and security copy: tuned on after a first run of 0.76 / 0.72 / 0.75
    ("stress_tech.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                          ("attribution", "precision"): 0.75, ("attribution", "recall"): 0.75,
                          ("speaker_type", "accuracy"): 0.75}),
    # a second holdout, 30 items in styles none of the others has (UK single quote marks, Indian and
    # Australian copy, sport, courts, earnings): first run 0.68 / 0.69 / 0.68, tuned on since
    ("holdout2.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.78, ("attribution", "recall"): 0.78,
                       ("speaker_type", "accuracy"): 0.7}),
    # a third holdout: first run 0.69 / 0.68 / 0.68, tuned on by the session that added holdout4
    ("holdout3.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.74, ("attribution", "recall"): 0.73,
                       ("speaker_type", "accuracy"): 0.68}),
    # a fourth holdout, 30 items never tuned on (0.84 / 0.82 / 0.74 on the code of the session that added it)
    ("holdout4.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.8, ("attribution", "recall"): 0.78,
                       ("speaker_type", "accuracy"): 0.7}),
    # a fifth holdout: first run 0.71 / 0.67 / 0.69, tuned on by the session that added it
    ("holdout5.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.74, ("attribution", "recall"): 0.7,
                       ("speaker_type", "accuracy"): 0.68}),
    # a sixth holdout: first run 0.78 / 0.77 / 0.59, tuned on by the session that added holdout7 (0.79 / 0.78 / 0.69)
    ("holdout6.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.74, ("attribution", "recall"): 0.72,
                       ("speaker_type", "accuracy"): 0.62}),
    # a seventh holdout: first run 0.75 / 0.73 / 0.62 (0.74 / 0.72 / 0.63 on that session's starting code),
    # tuned on later in that session (0.83 / 0.81 / 0.66)
    ("holdout7.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.78, ("attribution", "recall"): 0.76,
                       ("speaker_type", "accuracy"): 0.6}),
    # an eighth holdout: first run 0.75 / 0.74 / 0.64 (0.72 / 0.71 / 0.66 on that session's starting code), tuned on
    # later in that session (0.77 / 0.76 / 0.68)
    ("holdout8.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.72, ("attribution", "recall"): 0.71,
                       ("speaker_type", "accuracy"): 0.62}),
    # a ninth holdout: first run 0.71 / 0.69 / 0.68 (0.66 / 0.64 / 0.66 on that session's starting code), tuned on
    # later in that session
    ("holdout9.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                       ("attribution", "precision"): 0.66, ("attribution", "recall"): 0.64,
                       ("speaker_type", "accuracy"): 0.62}),
    # a tenth holdout, 30 items never tuned on (0.73 / 0.73 / 0.68 on the code of the session that added it;
    # 0.71 / 0.71 / 0.63 on that session's starting code)
    ("holdout10.json", {("extraction", "precision"): 0.93, ("extraction", "recall"): 0.95,
                        ("attribution", "precision"): 0.68, ("attribution", "recall"): 0.68,
                        ("speaker_type", "accuracy"): 0.62}),
    # first run 0.99 / 0.99, attribution 0.73 / 0.68, type 0.67; tuned on by the next session (0.75 / 0.71, 0.68)
    ("holdout11.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                        ("attribution", "precision"): 0.72, ("attribution", "recall"): 0.68,
                        ("speaker_type", "accuracy"): 0.64}),
    # first run 0.99 / 0.95, attribution 0.76 / 0.70, type 0.66; tuned on by the next session
    ("holdout12.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.92,
                        ("attribution", "precision"): 0.72, ("attribution", "recall"): 0.66,
                        ("speaker_type", "accuracy"): 0.61}),
    # first run 0.99 / 0.98, attribution 0.67 / 0.64, type 0.74; tuned on by the next session (0.77 / 0.75, 0.81)
    ("holdout13.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                        ("attribution", "precision"): 0.75, ("attribution", "recall"): 0.72,
                        ("speaker_type", "accuracy"): 0.78}),
    # first run (on 30f236f) 1.00 / 1.00, attribution 0.78 / 0.73, type 0.76; tuned on by the next session (0.86 /
    # 0.83, 0.86)
    ("holdout14.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                        ("attribution", "precision"): 0.83, ("attribution", "recall"): 0.8,
                        ("speaker_type", "accuracy"): 0.82}),
    # first run (on 5673ecf) 0.99 / 1.00, attribution 0.73 / 0.70, type 0.75; tuned on by the next session
    ("holdout15.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                        ("attribution", "precision"): 0.7, ("attribution", "recall"): 0.67,
                        ("speaker_type", "accuracy"): 0.72}),
    # never tuned on (first run, on 74afdcb: 0.98 / 0.99, attribution 0.77 / 0.76, type 0.73)
    ("holdout16.json", {("extraction", "precision"): 0.95, ("extraction", "recall"): 0.95,
                        ("attribution", "precision"): 0.75, ("attribution", "recall"): 0.74,
                        ("speaker_type", "accuracy"): 0.7}),
])
def test_precision_recall_bar(name, bars):
    summary = Q.evaluate(Q.load_eval(FIXTURES / name))["summary"].set_index(["task", "measure"])["value"]
    for key, bar in bars.items():
        assert summary[key] >= bar, (key, summary[key])


def test_evaluate_counts_a_wrong_speaker():
    items = [{"id": "x", "text": "“We won,” said Ann Lee.",
              "quotes": [{"text": "We won,", "speaker": "Bob Kay", "speaker_type": "unknown", "kind": "direct"}]}]
    summary = Q.evaluate(items)["summary"].set_index(["task", "measure"])["value"]
    assert summary[("extraction", "recall")] == 1.0 and summary[("attribution", "recall")] == 0.0
    assert math.isnan(summary[("term", "recall")])   # no gold term: nothing to recall, not a recall of 0


# ---------------------------------------------------------------- fast paths give the plain answers

def _fuller_name_plainly(raw: str, name: str) -> bool:
    """`quotes._fuller_name_in_text` as two regexes over the whole text (slower: they start at every capital)."""
    for m in re.finditer(rf"([A-ZÀ-ÖØ-Þ][\w.'’-]*)\s+{re.escape(name)}(?![\w’'-])", raw):
        if m.group(1).lower().rstrip(".") not in Q.PERSON_TITLES:
            return True
    return re.search(rf"(?<![\w’'-]){re.escape(name)}\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]", raw) is not None


@pytest.mark.parametrize("raw, name", [
    ("Jamal Okonkwo spoke. Okonkwo said no.", "Okonkwo"),
    ("Dr Okonkwo spoke. Mr. Okonkwo said no.", "Okonkwo"),
    ("Hoshino Kenta spoke. Hoshino said no.", "Hoshino"),
    ("The Okonkwos spoke. Okonkwo-Reyes said no. Okonkwo", "Okonkwo"),
    ("Ercilia Quispe Cruz spoke; Quispe said no.", "Quispe"),
    ("xOkonkwo Tim and Okonkwo. Okonkwo’s dog", "Okonkwo"),
    ("Nobody here.", "Okonkwo"),
])
def test_the_fuller_name_check_gives_the_plain_answer(raw, name):
    assert Q._fuller_name_in_text(raw, name) == _fuller_name_plainly(raw, name)


@pytest.mark.parametrize("words, caseless, text", [
    (["said", "says", "according to"], True, "He SAID so; ſays, Said, unsaid, according\nto, accordingto, said_"),
    (["king", "kings"], True, "\u212aing kings Kings kingship xking"),
    (["South Korea", "Korea", "U.S."], False, "South Korea’s, North Korea, U.S. and .Korea, SouthKorea, South  Korea"),
])
def test_word_start_trie_matches_the_plain_alternation(words, caseless, text):
    import re
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") if caseless else re.escape(w)
                                               for w in sorted(words, key=len, reverse=True)) + r")\b",
                       re.I if caseless else 0)
    fast = re.compile(Q.word_start_trie(words, caseless=caseless, space=r"\s+" if caseless else " ") + r"\b")
    for pos in range(len(text)):
        assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)]


def test_document_owner_far_back_in_a_long_paragraph():
    # past OWNER_WINDOW characters the paragraph is no longer re-read per quote: same owner as when near
    def owner(n_fillers: int) -> str:
        filler = "Sales rose in the spring and fell in the autumn. " * n_fillers
        got = one(f"A report by the Clean Air Coalition found harm. {filler}“Research has shown harm,” adds the report.")
        assert len(got) == 1
        return got[0][2]
    near, far = owner(2), owner(Q.OWNER_WINDOW // 40)
    assert near.startswith("Clean Air Coalition") and far == near


def test_long_paragraph_of_quotes_is_read_like_short_ones():
    unit = "“We will appeal,” said Maria Lopez, a spokeswoman for Northwind Energy Inc. The so-called “golden visa” ended. "
    short, long_ = one(unit), one(unit * 300)
    assert long_ == short * 300


# ---------------------------------------------------------------- corpus-level speaker types

def _speaker_tables(rows):
    quotes = pd.DataFrame([(a, i, s, t) for i, (a, s, t) in enumerate(rows, start=1)],
                          columns=["article_id", "quote_id", "speaker", "speaker_type"])
    return {"quotes": quotes}


@pytest.mark.parametrize("rows, expected", [
    # a title-less surname takes the type of the one full name it ends
    ([("a", "Melanie Joly", "government"), ("b", "Joly", "unknown")], ["government", "government"]),
    # diacritics and case are folded
    ([("a", "Mélanie Joly", "government"), ("b", "melanie joly", "unknown")], ["government", "government"]),
    # two typed people share the surname: no guess
    ([("a", "Anna Smith", "expert"), ("b", "John Smith", "company"), ("c", "Smith", "unknown")],
     ["expert", "company", "unknown"]),
    # the majority type wins; a typed speaker keeps its own type
    ([("a", "Acme", "company"), ("b", "Acme", "company"), ("c", "Acme", "media"), ("d", "Acme", "unknown")],
     ["company", "company", "media", "company"]),
    # votes are rows, not names: two "media" rows outvote one "company" row (ties go alphabetically)
    ([("a", "Acme", "media"), ("b", "ACME", "company"), ("c", "Acme", "media"), ("d", "acme", "unknown")],
     ["media", "company", "media", "media"]),
    # nobody typed anywhere: stays unknown
    ([("a", "Joly", "unknown"), ("b", "Joly", "unknown")], ["unknown", "unknown"]),
])
def test_link_speaker_types(rows, expected):
    assert Q.link_speaker_types(_speaker_tables(rows))["quotes"]["speaker_type"].tolist() == expected


def test_every_seed_quote_has_a_speaker_type_after_the_corpus_pass():
    from analysis import pipeline
    results = pipeline.run("seeds", workers=1)
    direct = results.quotes[results.quotes["kind"] != "term"]
    assert (direct["speaker_type"] != "unknown").all(), direct[direct["speaker_type"] == "unknown"]
    joly_004 = direct[direct["article_id"].str.startswith("004") & (direct["speaker"] == "Joly")]
    assert len(joly_004) == 4 and set(joly_004["speaker_type"]) == {"government"}


@pytest.mark.parametrize("text, speaker", [
    # a job title after an adjective: the name follows the title, not the adjective before it
    ("\u201cThe app will keep working,\u201d StrideLink\u2019s European policy chief Mark Devlin said.", "Mark Devlin"),
    ("\u201cWe will appeal,\u201d Acme communications director Sue Park said.", "Sue Park"),
    ("\u201cWe will appeal,\u201d said Anna Berg, a lawyer for Acme Corp.", "Anna Berg"),
])
def test_name_after_a_job_title(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text", [
    "Canada’s Industry Minister Mélanie Joly said; the manufacturer, Hikvision, and analysts Sarah Kim met.",
    "chief executive\nRuth Adler, MINISTER  Joly, ſpokesman X, \u212aing Y, xanalyst Z, analyst",
])
def test_gates_never_hide_a_match(text):
    # head_name_gate (on the reversed text) and NAME_BEFORE_GATE_RE only skip windows with no match
    lex = Q.lexicon()
    backwards, n = text[::-1], len(text)
    for s in range(len(text)):
        for e in range(s, len(text) + 1):
            if lex.head_name_re.search(text, s, e):
                assert lex.head_name_gate.search(backwards, n - e, n - s)
            if Q.NAME_BEFORE_RE.search(text, s, e):
                assert Q.NAME_BEFORE_GATE_RE.search(text, s, e)


# ---------------------------------------------------------------- mixed quote styles, places, pronouns, lists

@pytest.mark.parametrize("text, expected", [
    # British copy mixing marks: curly single quotes in a body that also has double ones
    ("‘We will defend our rights,’ a Hikvision spokesperson said.\n\n"
     "MP Michael Chong said: “Hikvision cameras have no place here.”",
     [("We will defend our rights,", "direct", "Hikvision", "company"),
      ("Hikvision cameras have no place here.", "direct", "Michael Chong", "government")]),
    # tabloid style: single marks quote, double marks nest inside them
    ("‘He told me “no way” and left,’ said Ann Lee.",
     [("He told me “no way” and left,", "direct", "Ann Lee", "unknown")]),
    # a single run inside a double one stays part of it; straight marks stay apostrophes
    ("“They said ‘wait’ in the ’90s,” said Tom Reyes. The '90s were different.",
     [("They said ‘wait’ in the ’90s,", "direct", "Tom Reyes", "unknown")]),
    # a place after "in" is where the speaker is, not who
    ("China’s embassy in Ottawa said Canada was “abusing state power” to suppress firms.",
     # (the possessive country types the speaker and is left out of its name, as hand-labelled copy does)
     [("abusing state power", "partial", "embassy in Ottawa", "foreign_government")]),
    ("A professor in Toronto, Ann Lee, said it was “a dangerous precedent for all”.",
     [("a dangerous precedent for all", "partial", "Ann Lee", "expert")]),
    # "he" after a sentence of reported speech in the same paragraph is its speaker
    ("Hikvision said it will appeal.\n\nMichael Geist, a law professor at the University of Ottawa, said the "
     "government had explained little. “The secrecy makes it hard to judge,” he said.",
     [("The secrecy makes it hard to judge,", "direct", "Michael Geist", "expert")]),
    # quotes listed together share their speaker and kind
    ("Hikvision called the decision “unfounded”, “rushed” and “politically motivated”.",
     [("unfounded", "partial", "Hikvision", "unknown"), ("rushed", "partial", "Hikvision", "unknown"),
      ("politically motivated", "partial", "Hikvision", "unknown")]),
    # a role word between a modifier and a full name: the name is the speaker; a preposition is not a role
    ("“Frankly, it is overdue,” said Conservative critic Raquel Dancho, who has pushed for a ban.",
     [("Frankly, it is overdue,", "direct", "Raquel Dancho", "government")]),   # politicians are government
    ("“It scares me,” said Ottawa resident Jo Fry.", [("It scares me,", "direct", "Jo Fry", "unknown")]),
    ("“We will fight,” said Joly outside Parliament Hill.", [("We will fight,", "direct", "Joly", "unknown")]),
    # a cue after "and" or "but" has the sentence's subject; the subject of a far-off cue ends at its verb
    ("Hikvision insisted its cameras were “safe and secure,” and warned that the decision would “harm customers.”",
     [("safe and secure,", "partial", "Hikvision", "unknown"), ("harm customers.", "partial", "Hikvision", "unknown")]),
    ("Joly met officials on Friday but said little beyond calling it “a necessary step”.",
     [("a necessary step", "partial", "Joly", "unknown")]),
    ("The Chinese foreign ministry rejected the claims and said Canada was “politicizing trade”.",
     [("politicizing trade", "partial", "Chinese foreign ministry", "foreign_government")]),
    ("“We disagree,” Joly — the industry minister — said.", [("We disagree,", "direct", "Joly", "government")]),
    # an aside between the subject and its cue
    ("Hikvision — which denies the allegations — said the ruling was “deeply flawed.”",
     [("deeply flawed.", "partial", "Hikvision", "unknown")]),
    ("The company (which employs 50 people) said the ruling was “deeply flawed.”",
     [("deeply flawed.", "partial", "company", "company")]),
    # wire-headline style: what follows "says" is what was said ("ruling was"), unless it is a pronoun
    ("Hikvision loses appeal, says ruling was “deeply flawed”", [("deeply flawed", "partial", "Hikvision", "unknown")]),
    ("Hikvision loses appeal, says it will “keep fighting”", [("keep fighting", "partial", "Hikvision", "unknown")]),
    # "X quoted Y as saying": Y speaks
    ("Xinhua quoted Foreign Ministry spokesperson Mao Ning as saying China would “respond firmly”.",
     [("respond firmly", "partial", "Mao Ning", "government")]),
    ("The company was quoted as saying it would “fight this”.", [("fight this", "partial", "company", "company")]),
    # titles: a leader takes the type of what is led; a commissioner is an official
    ("“This is unacceptable,” tweeted Conservative Leader Pierre Poilievre.",   # (what is led is a party)
     [("This is unacceptable,", "direct", "Pierre Poilievre", "government")]),
    ("“A dark day,” wrote Ann Cavoukian, the former Ontario privacy commissioner, in a post.",
     [("A dark day,", "direct", "Ann Cavoukian", "government")]),
    # a portfolio after a title is part of the title; a name after "the <title>," is the speaker
    ("“We act,” said Minister of Public Safety Dominic LeBlanc.", [("We act,", "direct", "Dominic LeBlanc", "government")]),
    ("Secretary of State Marco Rubio said it was “a fair call”.", [("a fair call", "partial", "Marco Rubio", "government")]),
    ("“We act,” said the Minister of Foreign Affairs, Mélanie Joly.",
     [("We act,", "direct", "Mélanie Joly", "government")]),
    # a spokesperson or lawyer named in an appositive is the speaker, with the type of whom they speak for
    ("The Chinese company Hikvision said it disagreed. “It is a sad day,” a spokesperson for Hikvision, Ann Lee, said.",
     [("It is a sad day,", "direct", "Ann Lee", "company")]),
    ("“It is a sad day,” said Hikvision’s lawyer, Ann Lee.", [("It is a sad day,", "direct", "Ann Lee", "unknown")]),
    ("“No comment,” the company’s spokesperson, Jo Fry, said.", [("No comment,", "direct", "Jo Fry", "company")]),
    # a president is a government's unless an organisation owns the title
    ("The Chinese company Hikvision said it disagreed.\n\n“No,” said Hikvision Canada president Tom Liu. "
     "“We will fight,” Liu said.",
     [("No,", "direct", "Tom Liu", "company"), ("We will fight,", "direct", "Tom Liu", "company")]),
    ("“We act,” said Lana Payne, president of Unifor.", [("We act,", "direct", "Lana Payne", "unknown")]),
    ("“We act,” said French President Emmanuel Macron.", [("We act,", "direct", "Emmanuel Macron", "government")]),
    # "it read": the document named just before, and its author
    ("Minister Joly’s statement was short on details. “We act to protect Canadians,” it read.",
     [("We act to protect Canadians,", "direct", "Joly", "government")]),
    ("A report from Amnesty International came out on Monday. “Abuses are rife,” it read.",
     [("Abuses are rife,", "direct", "Amnesty International", "advocacy_group")]),
    # a document's author is a name, not the words after it
    ("The report by the Clean Air Coalition was released Monday. “Emissions rose sharply,” the report said.",
     [("Emissions rose sharply,", "direct", "Clean Air Coalition", "advocacy_group")]),
    ("Hikvision said it would “explore all legal options” and that it was “deeply disappointed” by it.",
     [("explore all legal options", "partial", "Hikvision", "unknown"),
      ("deeply disappointed", "partial", "Hikvision", "unknown")]),
    ("Joly called the review “rigorous”, while critics said it was “secret”.",
     [("rigorous", "partial", "Joly", "unknown"), ("secret", "partial", "critics", "unknown")]),
    ("Critics called the so-called “safe” and “secure” cameras a risk.",
     [("safe", "term", "", "unknown"), ("secure", "term", "", "unknown")]),
])
def test_more_shapes(text, expected):
    assert one(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "«", "»", "„", "‘", "’", "'", "U.S.", "Canada’s", "x-ray", " ", "\n",
                                 "said", "Joly", ",", ".", "—", "é", "12", "_"]), max_size=40))
def test_tokens_outside_quotes_are_the_tokens_between_the_quotes(parts):
    """The piecewise tokenization equals the whole paragraph's, less the tokens between each piece's marks
    (and a nickname's marks)."""
    text = "".join(parts)
    spans, _ = Q.scan_double(text, 0, len(text))
    pieces = [Q.Piece(0, 0, o, c, o + 1, c if c is not None else len(text)) for o, c in spans]
    outside = Q._tokens_outside_quotes(text, 0, len(text), pieces)
    if outside is None:
        assert any(q.close is None or (i and q.open <= pieces[i - 1].close) for i, q in enumerate(pieces))
        return
    toks, starts = Q.tokenize_with_starts(text, 0, len(text))
    keep = [t for t in toks if not any(q.open < t.start < q.close or (
        Q._nickname(text, 0, q) and t.start in (q.open, q.close)) for q in pieces)]
    assert outside == (keep, [t.start for t in keep])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Minister", "minister", "Melanie", "Joly", "of", "the", "Canada’s", "Foreign", "Affairs",
                                 "spokesperson", "for", "Hikvision", "Dr", ".", ",", "in", "Ottawa", "embassy", "critic",
                                 "Raquel", "Dancho", "and", "Co"]), max_size=12))
def test_name_words_remembered_by_text_reads_like_the_reference(words):
    """The cached `_name_words` gives the tokens `_read_name_words` gives, wherever the phrase stands."""
    lex = Q.lexicon()
    for shift in (0, 7):   # the same phrase at another offset hits the cache
        toks = Q.tokenize("x" * shift + " ".join(words), shift, shift + len(" ".join(words)))
        assert Q._name_words(toks, lex) == Q._read_name_words(toks, lex)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30) | st.text(max_size=10))
def test_fold_shortcut_is_text_fold(text):
    """quotes.fold's ASCII shortcut folds as text.fold does."""
    assert Q.fold.__wrapped__(text) == T.fold(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AUSCjoly.é’'-& \nÉ,ofandie", max_size=40))
def test_cap_runs_match_the_plain_pattern(text):
    """CAP, written to open with the capital, matches what the plain alternation matches."""
    plain = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-ÖØ-Þ](?:[\w’'\-&]|\.(?=\w))*)"
    run = rf"{plain}(?:\s+(?:(?:of|for|and|de|du|del|van|von|der|al|bin|i|y)\s+)?(?:[dl][’']|[ae]l-)?{plain})*"
    assert [m.span() for m in re.finditer(run, text)] == [m.span() for m in Q.CAP_RUN_RE.finditer(text)]
    assert [m.span() for m in re.finditer(plain, text)] == [m.span() for m in re.finditer(Q.CAP, text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "a", "Hikvision", "spokesperson", "spokesman", "from", "for", "of", "by", "at",
                                 "report", "president", "Unifor", "Lana", "Payne", "Dr", "Mr.", "company’s", "foreign",
                                 "ministry", "Chinese", ","]), min_size=1, max_size=8))
def test_phrase_facts_read_the_tokens(words):
    """phrase_facts, read from the texts alone, says what the tokens themselves say."""
    lex = Q.lexicon()
    text = " ".join(words)
    toks = Q.tokenize(text, 0, len(text))
    facts = Q.phrase_facts(tuple(t.text for t in toks), lex)
    lows = [Q._base(t.low) for t in toks]
    heads = [Q.singular(x) for x in lows if Q.singular(x) in lex.heads]
    heads += [Q.singular(" ".join(lows[i:i + 2])) for i in range(len(lows) - 1)
              if Q.singular(" ".join(lows[i:i + 2])) in lex.heads]
    kinds = {lex.heads[h][1] for h in heads}
    owner = next((i + 1 for i, t in enumerate(toks) if t.low in ("from", "for", "of", "by", "at") and i + 1 < len(toks)
                  and (kinds & {"document", "spokesperson"} or t.low in ("from", "by"))), -1)
    caps = [j for j, t in enumerate(toks[:owner - 1] if owner >= 0 else toks) if t.cap and Q._base(t.low) not in Q.DETERMINERS]
    titles = [i for i, t in enumerate(toks) if Q.singular(Q._base(t.low)) in Q.OWNED_TITLES]
    assert facts == (tuple(lows), tuple(heads), frozenset(kinds), owner, tuple(caps), titles[0] if titles else -1,
                     any(t.low.rstrip(".") in Q.PERSON_TITLES for t in toks))


# ---------------------------------------------------------------- "he" and "she" with no earlier speaker

@pytest.mark.parametrize("text, speaker", [
    # a place, a body or a sentence-opening word is never taken for the person "he" or "she" stands for
    ("The city of Toronto approved the plan. “It is a good day,” he said.", "he"),
    ("Officials in Ottawa met on Monday. “We will appeal,” he said.", "he"),
    ("Hikvision Canada filed a challenge on Friday. “We will fight this,” he said.", "he"),
    ("Late on Monday, protests spread to Hamburg. “We acted,” she said.", "she"),
    ("Crescent Capital opened an office in Boston. “We acted,” she said.", "she"),
    ("HALIFAX — The port reopened. “We acted,” she said.", "she"),
    # ... but a person's name before them is, however many places come after it
    ("Jane Doe, a lawyer, spoke to reporters in Toronto. “We will appeal,” she said.", "Jane Doe"),
    ("Mayor Olivia Chow spoke in Toronto on Monday. “It is a good day,” she said.", "Olivia Chow"),
    ("According to Jane Doe, the plan failed in New York. “We acted,” she said.", "Jane Doe"),
    # an earlier speaker named by surname only still is
    ("Joly said the ban stands. Officials met in Ottawa. “We acted,” she said.", "Joly"),
])
def test_he_or_she_stands_for_a_person(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    ("Privately, a spokesperson for Silver Networks said the plan had stalled.", "Silver Networks"),
    ("Privately, the minister said the ban would stand.", "minister"),
    ("Reportedly, the company said it would appeal.", "company"),
    ("Separately, Hikvision said it would appeal.", "Hikvision"),
    ("Joly, the minister, said the ban would stand.", "Joly"),      # a name ending in -ly is still a name
])
def test_a_sentence_adverb_is_not_the_speaker(text, speaker):
    assert reported_speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a role of several lower-case words between a modifier and the name
    ("“We will not back down,” said Liberal party member John Smith.", "John Smith"),
    ("“It is a mistake,” said Liberal leadership race candidate Jo Fry.", "Jo Fry"),
    ("“It is a mistake,” said Ottawa resident Jo Fry.", "Jo Fry"),
    # a name that is also a month or a modal
    ("“It is a mistake,” said Green Party Leader Elizabeth May.", "Elizabeth May"),
    ("“It is a mistake,” Theresa May told MPs.", "Theresa May"),
    ("“It is a mistake,” said Joly May 5.", "Joly"),
])
def test_names_after_long_roles_and_names_that_are_words(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # an abbreviation's period inside the phrase: the name after the role, the company's type
    ("“It is a mistake,” said Hikvision Corp. executive Jane Roe.", "Jane Roe", "company"),
    ("“We are disappointed,” said Dahua Technology Co. Ltd. spokesperson Li Wei.", "Li Wei", "company"),
    ("“It is a mistake,” said Acme Inc. The company later apologized.", "Acme Inc", "company"),
    # "of" an organisation after a person's name: her affiliation gives her type
    ("“This is about security,” said Prof. Jane Roe of the University of Toronto.", "Jane Roe", "expert"),
    ("“This is wrong,” said John Smith of Human Rights Watch.", "John Smith", "advocacy_group"),
    ("“This is wrong,” said the Ministry of Foreign Affairs.", "Ministry of Foreign Affairs", "government"),
    # the name in an appositive, with an organisation after the title
    ("“We acted,” the minister of industry, Melanie Joly, wrote.", "Melanie Joly", "government"),
])
def test_names_and_affiliations_in_the_speaker_phrase(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker", [
    # one body named with "and" after one "the" (two bodies take a "the" each)
    ("The Securities and Exchange Commission said the firm had “misled investors for years”.",
     "Securities and Exchange Commission"),
    ("The Federal Competition and Consumer Protection Commission (FCCPC) said the lender had “repeatedly and "
     "deliberately” broken the rules.", "Federal Competition and Consumer Protection Commission"),
    ("The Treasury and the Federal Reserve said they were “watching closely”.", "Federal Reserve"),
    # "Office of ...": a body's name, not an office or a representative speaking for what follows
    ("The Office of Foreign Assets Control said the firm was “a front”.", "Office of Foreign Assets Control"),
    ("A spokesperson for the Office of the United States Trade Representative said it was “deeply concerned”.",
     "Office of the United States Trade Representative"),
    # a nickname in marks inside a name, when the names are read from the article, and a title abbreviated
    ("Baler Mayor Ricardo “Dodong” Villareal said nine had died.\n\n“We need water today,” the mayor said.",
     "Ricardo Villareal"),
    ("“The trial is a natural extension,” said His Excellency Eng. Yousef Al Marzouqi, Director-General of the RTA.",
     "Yousef Al Marzouqi"),
    # a home town after "of" is no part of a person's name
    ("Rachel Dominguez-Hart of Toledo, Ohio, said the label was “systematically misrepresenting” the dose.",
     "Rachel Dominguez-Hart"),
    ("“Today the law did its job,” said Tomasz Wiśniewski of Northgate Employment Law.", "Tomasz Wiśniewski"),
    ("The United States of America said it was “deeply concerned”.", "United States of America"),
    ("“This judgment should be pinned up,” said the National Guild of Dental Nurses.", "National Guild of Dental Nurses"),
    # a Portuguese particle inside a place's name; a portfolio a comma cut from its title; a body named for fields
    ("The Mato Grosso do Sul Rural Producers’ Association said the ruling “ignored decades of legal titles”.",
     "Mato Grosso do Sul Rural Producers’ Association"),
    ("Minister for Culture, Tourism and Civil Aviation Badri Narayan Pokharel said it would pass “within this "
     "fiscal year”.", "Badri Narayan Pokharel"),
    ("The Natural Resources Defense Council said the rule was “a giveaway”.", "Natural Resources Defense Council"),
    # a place opening a body's name is the name's (the country is still read for the type)
    ("The Russian Defence Ministry condemned the drills on Monday.\n\n“It is a provocation,” the ministry said.",
     "Russian Defence Ministry"),
    ("Staff at the London School of Economics were told on Monday.\n\n“We are proud,” the school said.",
     "London School of Economics"),
    ("Akron Public Schools said it closed its buildings “out of an abundance of caution”.", "Akron Public Schools"),
    # a person described the tabloids' way: the name after the description, and the description as an anaphor
    ("Mum-of-three Kelly Strand, 34, said the bird shrieked at her.\n\n“It is like a building site,” she said.",
     "Kelly Strand"),
    ("Derek Haigh, 71, owns the parrot.\n\n“He only swears at people who swear at him,” the grandad-of-five said.",
     "Derek Haigh"),
])
def test_bodies_named_with_and_or_of_and_people_described(text, speaker):
    assert {s for [s] in quote_speakers(text)} - {""} == {speaker}   # (a nickname is a term, of no speaker)


@pytest.mark.parametrize("text, speaker", [
    # verbs that quote what they judge: "accused X of", "criticized X as", "dismissed X as"
    ("Senator Rosario Lacsamana-Ty criticized the response as “too slow and too photo-op” on Monday.",
     "Rosario Lacsamana-Ty"),
    ("Independent senator Lachlan Fairweather accused the department of treating “commercial-in-confidence as a "
     "reflex”.", "Lachlan Fairweather"),
    ("Foreign ministry spokesperson Liu Wen dismissed the report as “baseless accusations”.", "Liu Wen"),
    # and the verbs of translated copy and of courts: "indicated that", "highlighted that", "ruled that"
    ("The prosecutor Lívia Carneiro said on Monday. She highlighted that fishing “could be made unviable” during the "
     "works.", "Lívia Carneiro"),
    ("Inspector Ana Ruiz indicated that tests found arsenic “well above the permissible limits” in samples.",
     "Ana Ruiz"),
    ("The High Court ruled that the report was “technically sufficient” for the purpose.", "High Court"),
])
def test_verbs_of_judgement_attribute_their_quotes(text, speaker):
    assert {s for [s] in quote_speakers(text)} == {speaker}


@pytest.mark.parametrize("text, speaker_type", [
    # a lawyer or academic "not involved in" the matter comments on it from outside: an expert
    ("Marta Sienkiewicz, a competition lawyer at Ardent & Loewe who is not involved in the case, said the appeal "
     "was “likely to take years”.", "expert"),
    ("Jo Fry, a chemist at Acme Labs who was not involved in the study, called it “a careful piece of work”.",
     "expert"),
    # a party names a politician's side, in the phrase or in a possessive just before it
    ("Conservative public safety critic Raj Sandhu-Whitcombe said the decision was “welcome but years late”.",
     "government"),
    ("The Liberal Democrats’ home affairs spokesperson, Fiona Gallacher, said it needed “a proper legal "
     "framework”.", "government"),
    # a physician and a consultancy's principal are quoted for what they know
    ("Dr Hussain Ashkanani, an emergency physician at Al-Adan Hospital, said cases came “every day”.", "expert"),
    ("“The regionals are in an arms race,” said Thomas Quigley, a principal at aviation consultancy Crosswind "
     "Advisory.", "expert"),
    # a trade body of makers or suppliers speaks for businesses (a growers' union for its farmers)
    ("The Federation of European Car Parts Makers said stocks would run out “within weeks”.", "company"),
    ("The Canadian Food Suppliers Alliance called the code “the only part with teeth”.", "company"),
    ("The Rural Producers’ Association said the ruling “ignored decades of legal titles”.", "company"),
])
def test_outside_experts_and_politicians_by_party(text, speaker_type):
    assert [t for [t] in quote_speakers(text, "speaker_type")] == [speaker_type]


def test_a_pronoun_in_a_clause_of_its_own_is_the_sentences_subject():
    text = ("Lorraine Whitaker-Boyd, a prosecutor, said the case was “unprecedented”.\n\n"
            "Marcus Ellingsworth, an assistant director at the bureau, said the devices had default passwords, "
            "which he called “an open front door.”\n\n“We have been saying this for years,” he said.")
    assert [s for [s] in quote_speakers(text)] == ["Lorraine Whitaker-Boyd"] + ["Marcus Ellingsworth"] * 2
    # a quote opening the sentence is no subject: "“Now I’m checking her every hour,” she said"
    text = ("Faith Achieng, 31, was at the market.\n\nAnn Lee, a nurse, said it was “fine”.\n\n"
            "“Now I’m checking her every hour,” said Faith Achieng, “and she sleeps.”")
    assert "Now I’m" not in {s for [s] in quote_speakers(text)}


def test_a_sentence_opening_for_a_named_person_quotes_them():
    text = "For the researcher Tatiana Bezerra Lins, coordinator of the laboratory, the conflict was “predictable.”"
    assert quote_speakers(text) == [["Tatiana Bezerra Lins"]]
    # "For years," and "For many residents," name no one
    assert quote_speakers("For years, the plant was “a disaster” for the town.") == [[""]]
    assert quote_speakers("For many residents, the move is “too little, too late”.") == [[""]]


@pytest.mark.parametrize("text", ["The FBI said the network was “an open front door”.",
                                  "Ofcom said the broadcaster had been “careless”.",
                                  # an agency named by its field and its country
                                  "Transport Canada said it was “reviewing the recommendations”.",
                                  "Akron Public Schools said it closed its buildings “out of an abundance of caution”.",
                                  "Health New Zealand called the death “a loss felt right across the motu”."])
def test_state_bodies_known_by_their_initials_are_government(text):
    assert quote_speakers(text, "speaker_type") == [["government"]]


def test_a_possessive_country_types_a_body_and_is_left_out_of_its_name():
    text = ("Farmers blocked roads in Paris on Monday.\n\nFrance’s agriculture ministry said the protest was "
            "“understandable but unlawful”.\n\n“We will meet them,” the ministry said.")
    assert quote_speakers(text) == [["agriculture ministry"], ["agriculture ministry"]]
    text = ("Britain expelled a diplomat. British officials met in London on Monday.\n\n"
            "China’s embassy in London has dismissed the allegations as “completely fabricated”.")
    assert quote_speakers(text, "speaker", "speaker_type") == [["embassy in London", "foreign_government"]]


def test_who_read_a_document_did_not_write_it():
    text = ("The Emek Merchants Association wrote to the minister. The letter, seen by The Times of Israel, accuses "
            "the government of treating the merchants “as collateral damage”.")
    assert [s for [s] in quote_speakers(text)] != ["Times of Israel"]
    assert [s for [s] in quote_speakers(text)] != ["Israel"]


def test_a_barrister_is_a_title_and_counsel_a_role():
    text = ("The judge asked the authority’s counsel, Barrister Usman Ghani Tarar, about notices.\n\n"
            "“We conveyed them through the appropriate channel,” Tarar said.")
    assert quote_speakers(text) == [["Usman Ghani Tarar"]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a president named after the organisation that owns the title is not a government's, later mentions included
    ("Hikvision Canada president Frank Chen spoke.\n\n“We have always complied with Canadian law,” Chen said.",
     "Frank Chen", "unknown"),
    ("Acme Robotics president Jane Roe spoke.\n\n“We tried,” Roe said.", "Jane Roe", "company"),
    ("Russian President Vladimir Putin spoke.\n\n“We tried,” Putin said.", "Vladimir Putin", "government"),
    # a title of three words ("chief financial officer") is read whole, before its words ("chief": no type)
    ("“We are raising our guidance,” added Chief Financial Officer Raj Patel.", "Raj Patel", "company"),
    # the company a president is "of", named earlier with its legal suffix ("Inc.") or by its first word
    ("Brightwater Energy Inc. reported record revenue.\n\n“We delivered,” said Linda Carver, President and "
     "Chief Executive Officer of Brightwater Energy.", "Linda Carver", "company"),
    ("Brightwater Energy Inc. reported record revenue.\n\n“We delivered,” said Linda Carver, president of "
     "Brightwater.", "Linda Carver", "company"),
])
def test_an_owned_title_before_a_name_gives_the_owners_type(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a role word capitalized at the start of a sentence is no part of the name
    ("Neighbor Tasha Greene said: “It was the dad.”", "Tasha Greene", "unknown"),
    ("Grazier Peter McAllister said: “It came over the ridge.”", "Peter McAllister", "unknown"),
    # a judge's and a legislator's titles; police ranks are public servants', like police
    ("“The representations were false,” said Justice Helena Markovic.", "Helena Markovic", "government"),
    ("“It should not be controversial,” said State Sen. Laura Whitcomb.", "Laura Whitcomb", "government"),
    ("“There is no evidence,” Detective Inspector Sam Hale said.", "Sam Hale", "government"),
    ("“At serious risk,” said Auditor General Fiona Rennie.", "Fiona Rennie", "government"),
    # the name words of organisations: a Group in a name is a business, a Force and a District are public bodies
    ("“We accept the findings,” Pennine Motor Group said.", "Pennine Motor Group", "company"),
    ("“We acted,” said Amnesty International, a rights group.", "Amnesty International", "advocacy_group"),
    ("“We acted within the law,” the Australian Border Force said.", "Australian Border Force", "government"),
    ("“Seats are guaranteed,” the Hollis County School District said.", "Hollis County School District", "government"),
    # "the 29-year-old singer": the person just named, as "the 29-year-old" is
    ("Pop star Kaylee Rhodes cancelled the show. In a post, the 29-year-old singer added: “Full refunds will go "
     "out automatically.”", "Kaylee Rhodes", "unknown"),
    # two titles joined, one of them two words ("Managing Director"): the company's type
    ("“We will compete on quality,” said Vikram Deshpande, Managing Director and CEO of Sahyadri Paints.",
     "Vikram Deshpande", "company"),
    # an embassy "of" a country, "in" another: the country it is of, and not the place it is in
    ("CANBERRA — Vietnam demanded the release of 14 fishermen detained by Australian Border Force.\n\n"
     "In a statement, the Embassy of Vietnam in Australia said the men were “ordinary people earning a living”.",
     "Embassy of Vietnam in Australia", "foreign_government"),
    # "the bureau", "the department": the organisation named before whose name ends or opens with it,
    # "of the" inside a name included
    ("The Competition Bureau opened an inquiry on Monday.\n\n“We will look at the evidence,” the bureau said.",
     "Competition Bureau", "government"),
    ("The Department of the Interior announced new rules.\n\n“This is about safety,” the department said.",
     "Department of the Interior", "government"),
    # what "the court heard" a defendant tell someone is the defendant's, not the court's (under the full name
    # the story gave him)
    ("Lee Garside, 46, pleaded guilty at Castlebridge Crown Court.\n\nThe court heard that Garside targeted "
     "homeowners, telling one couple that their roof was ‘a death trap’.", "Lee Garside", "unknown"),
    # "the 24-year-old": the person given that age, though another has been named since
    ("Jordie Kauri, 24, kicked 13 points. Coach Wayne Pritchard watched from the stand.\n\n“The forwards gave me "
     "so much time,” the 24-year-old said.", "Jordie Kauri", "unknown"),
    # "Addressing the court, Delaney apologized. “...,” he said": the sentence's subject, after an opening
    # participle, though his lawyer spoke last; and the court is no role of his
    ("Marcus Delaney, 52, pleaded guilty. His attorney, Frank Moretti, spoke first.\n\nAddressing the court, "
     "Delaney apologized to former colleagues. “I betrayed people who trusted me,” he said.", "Marcus Delaney",
     "unknown"),
    # a place's title in the appositive; a First Nation's chief
    ("“Ontario needs more clean power,” said Daniel Osei, Ontario’s Minister of Energy and Mines.", "Daniel Osei",
     "government"),
    ("“It is about jobs for our young people,” said Chief Sandra Kejick of Wabanong First Nation.", "Sandra Kejick",
     "government"),
    # a surname of two words, once the full name has spoken
    ("“We are tired,” said Aoife Ní Bhriain, a nurse.\n\n“We are still tired,” Ní Bhriain said.", "Aoife Ní Bhriain",
     "unknown"),
])
def test_roles_titles_and_name_words_in_holdout_copy(text, speaker, speaker_type):
    rows = quote_speakers(text, "speaker", "speaker_type")
    assert rows and all(row == [speaker, speaker_type] for row in rows), rows


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # local and legislative titles before a name are no part of it, and say who the person speaks for
    ("Coun. Priya Raghunathan called it “the longest three hours of my elected life.”", "Priya Raghunathan",
     "government"),
    ("“I am not going to speculate,” Sheriff Dana Whitlock said.", "Dana Whitlock", "government"),
    ("Trustee Melissa Grantham said: “The office has a phone.”", "Melissa Grantham", "government"),
    ("Local TD Mattie Brennan said: “People did everything they were asked to do.”", "Mattie Brennan", "government"),
    ("Veterinarian Anjali Raman called it “a disease problem waiting to happen.”", "Anjali Raman", "expert"),
    # letters after a name: a lawyer's rank, a seat
    ("Simon Adeyemi KC told the jury: “It was planned.”", "Simon Adeyemi", "unknown"),
    ("“This bill is a disgrace,” said Ann Lee MP.", "Ann Lee", "government"),
    # "and" and "of the" inside one body's name; a plural role word or a title after "of the" is part of it
    ("A spokesperson for the state Department of Health and Human Resources said it was “working with the "
     "hospital”.", "Department of Health and Human Resources", "government"),
    ("The Union of Small Farmers and Livestock Breeders of Andalusia said the aid was “too little and far too "
     "late.”", "Union of Small Farmers and Livestock Breeders of Andalusia", "advocacy_group"),
    ("The Office of the Privacy Commissioner of Canada said the app collected “far more than was necessary”.",
     "Office of the Privacy Commissioner of Canada", "government"),
    # a person "of the" organisation: the person speaks, with its type
    ("Jane Roe of the University of Toronto said the results were “striking”.", "Jane Roe", "expert"),
    ("Food safety activist Nandini Hegde of the Consumer Rights and Food Safety Forum said inspections were "
     "“happening on paper only”.", "Nandini Hegde", "advocacy_group"),
    # "In a post on Instagram, the singer added:": the clause's subject, not an appositive of Instagram
    ("Pop star Kaylee Rhodes cancelled the show.\n\nIn a follow-up post on Instagram, the 29-year-old singer added: "
     "“Full refunds will go out automatically.”", "Kaylee Rhodes", "unknown"),
])
def test_titles_letters_and_long_names_in_unseen_copy(text, speaker, speaker_type):
    rows = quote_speakers(text, "speaker", "speaker_type")
    assert rows and all(row == [speaker, speaker_type] for row in rows), rows


@pytest.mark.parametrize("text, speaker", [
    # anonymous sources keep what they know of, after the cue as before it
    ("“The deal is close but not done,” said people familiar with the matter.", "people familiar with the matter"),
    # "who said" speaks for the name before the comma; "it" in "said it was" is the reported clause's subject
    ("The price is agreed, according to a person familiar with the matter, who said it was “basically done.”",
     "person familiar with the matter"),
    ("The court heard from the victim’s daughter, Gurpreet Bains, who described her father as ‘the kind of man who "
     "gave credit to half the street’.", "Gurpreet Bains"),
    # a clock time is no speaker
    ("An update at 1.15pm said engineers had “identified the cause”.", "update"),
    # "Mr Okonkwo" is the Jamal Okonkwo named before, under his full name
    ("Jamal Okonkwo, 31, gave evidence on Tuesday.\n\nMr Okonkwo told the court: ‘He was going very fast.’",
     "Jamal Okonkwo"),
    # "on" inside a committee's name; a portfolio after "of" or "for" belongs to the title; "van der", "von der"
    ("A report by the Joint Committee on Security and Intelligence said some were “wittingly” involved.",
     "Joint Committee on Security and Intelligence"),
    ("Senior Superintendent of Police Harjeet Singh Randhawa said: “We have recovered the money.”",
     "Harjeet Singh Randhawa"),
    ("State Secretary for Culture Marieke van der Heijden-Bos called it “an act of justice”.",
     "Marieke van der Heijden-Bos"),
    ("“It is over,” said Ursula von der Leyen.", "Ursula von der Leyen"),
])
def test_sources_particles_and_portfolios_in_unseen_copy(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speakers", [
    # "the union’s claims were “simply untrue”": a noun after a possessive is no cue; the sentence's
    # speaker says it, and "he said" after it is his
    ("The union said its members had voted to strike.\n\nKestrel’s chief executive, Warwick Dunleavy, said the "
     "union’s claims were “simply untrue”. “We have bent over backwards,” he said.",
     [["Warwick Dunleavy"], ["Warwick Dunleavy"]]),
    # a paragraph that opens with a person, then says more of her: "she" is that person, not the last speaker
    ("“I have patients who are 30 weeks along,” Dr. Aaliyah Bramwell said.\n\nKaylee Hostetler, 27, is due in "
     "November. Her first was born after a 40-minute labor. “If that happens again, I’m having this baby in the "
     "truck,” she said.", [["Aaliyah Bramwell"], ["Kaylee Hostetler"]]),
    # a title inside the appositive that names the role's holder
    ("The coalition said the closure was part of a pattern. Its director, Dr. Samuel Okafor-Reyes, called it “a "
     "slow-motion emergency for rural families”.", [["Samuel Okafor-Reyes"]]),
])
def test_who_speaks_after_a_possessive_a_paragraphs_subject_or_a_title(text, speakers):
    assert quote_speakers(text) == speakers


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # ranks written without their period, church titles, an author
    ("“These are organized, professional operations,” said Sgt Lamar Whitt.", "Lamar Whitt", "government"),
    ("“Somebody out there knows who these men are,” DCI Rachel Oduya said.", "Rachel Oduya", "government"),
    ("Bishop Anthony Marchetti said the closures had caused him “many sleepless nights”.", "Anthony Marchetti",
     "unknown"),
    ("Co-author Henrik Aasland called it “a boring explanation”.", "Henrik Aasland", "unknown"),
    # a title that is also a surname, ending the phrase, is the surname
    ("Former foreign minister Julie Bishop said it was “a disaster”.", "Julie Bishop", "government"),
    # family name first: "Kang" is the Kang Ji-hoon named before
    ("Labour Minister Kang Ji-hoon urged both sides to reach a deal. “A strike affects thousands of suppliers,” "
     "Kang told reporters.", "Kang Ji-hoon", "government"),
    # a company named again by its first word, under its full name; a council in a name is a public body
    ("Workers at Daeseong Motor voted to strike. Daeseong said it was “disappointed” by the vote.", "Daeseong Motor",
     "company"),
    ("Glasgow City Council said the event had run “in full accordance with local and national guidance”.",
     "Glasgow City Council", "government"),
])
def test_ranks_surnames_and_names_in_other_orders(text, speaker, speaker_type):
    rows = quote_speakers(text, "speaker", "speaker_type")
    assert rows and all(row == [speaker, speaker_type] for row in rows), rows


@pytest.mark.parametrize("text, speaker", [
    # particles inside names: Dutch, Portuguese, Italian, Malay
    ("Minister of Finance Joost ter Horst said he would “not pre-empt” the talks.", "Joost ter Horst"),
    ("“I want to dedicate this to my grandmother,” said Isabela Monteiro da Silva.", "Isabela Monteiro da Silva"),
    ("Ottavia di Serrano called it “the line between what the sea gives back”.", "Ottavia di Serrano"),
    ("“We will not allow a few cheats to destroy this,” said Salim bin Khamis.", "Salim bin Khamis"),
    # an age, a party, a chair, a platform's user: no part of the name
    ("Eight-year-old Priya Nandakumar said: “Stripes. Because she has stripes.”", "Priya Nandakumar"),
    ("“How many more weekends?” New Democrat MPP Thérèse Lachance-Bird asked.", "Thérèse Lachance-Bird"),
    ("“We are not here to assign blame,” NTSB Chair Lorraine Whitfield-Amos said.", "Lorraine Whitfield-Amos"),
    ("A Reddit user wrote: “Honestly it feels like my parents are getting divorced.”", "Reddit user"),
])
def test_particles_ages_and_places_in_names(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_nationality_names_the_person_the_paragraph_is_about_or_stays_a_role():
    text = ("Isabela Monteiro da Silva beat top seed Hanna Brzezinska to win the title.\n\nBrzezinska, who was "
            "bidding for her third title, was gracious in defeat. “She played the big points better than me,” the "
            "Pole said.")
    assert quote_speakers(text) == [["Hanna Brzezinska"]]
    # no one the paragraph is about: no guess among the people named
    assert quote_speakers("Kaito Morishima finished fifth.\n\n“It was hard,” the German said.") == [["German"]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # the employer in the appositive gives the type: "with" as "at"; a body's name word ending its name
    ("“It is big,” said Sonia Abernathy, a lawyer with the Digital Liberty Project, which represented Pullman.",
     "Sonia Abernathy", "advocacy_group"),
    ("“It is roughly the same place,” Sigrún Hallsdóttir, a natural hazards specialist at the Met Office, told "
     "Reuters.", "Sigrún Hallsdóttir", "government"),
    ("The Home Office said it was “reviewing” the case.", "Home Office", "government"),
])
def test_the_employer_in_an_appositive_types_the_speaker(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a title owned by a possessive takes the owner's type, not its own ("president" alone is a government's)
    ("The union called the merger a threat. “Synergies always means somebody’s job,” the union’s president, "
     "Carla Dunmore, said.", "Carla Dunmore", "advocacy_group"),
    ("The Arts Trust, a charity, runs the festival. Its chief executive, Tom Blackwood, said: “Costs are up 30 "
     "per cent.”", "Tom Blackwood", "advocacy_group"),
    # "The developer, Clydeview Homes," opens its sentence: the head says what the name is
    ("The campaign group Save the Odeon opposed it. The developer, Clydeview Homes, plans to build flats. Its "
     "managing director, Stuart Geddes, said it was “not viable”.", "Stuart Geddes", "company"),
])
def test_a_possessive_owner_types_the_title_holder(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


def test_a_product_after_a_company_is_not_its_name():
    text = ("Corvane warned of a flaw in its Corvane FlexGate VPN appliances. Corvane said the flaw “may allow an "
            "unauthenticated remote attacker” to run code.")
    assert quote_speakers(text) == [["Corvane"]]


def test_on_joins_a_name_only_after_a_body_that_studies_something():
    assert quote_speakers("Tom Lee arrived in Ottawa on Monday and said it was “a disgrace”.") == [["Tom Lee"]]


def test_a_title_after_a_name_without_of_the_still_ends_it():
    assert quote_speakers("“It is wrong,” said Ministry of Health Minister Tom Lee.") == [["Tom Lee"]]


@pytest.mark.parametrize("text", [
    "The distributor said the film “The Long Quiet” would open in 40 venues.",
    "Lawmakers passed the “Caleb Matthews Act” on Monday, Sen. Ann Lee said.",
    "The report, “Public Finances in Scotland: Progress and Risks”, was published on Tuesday, the auditor said.",
])
def test_a_title_of_a_work_in_quote_marks_is_a_term_not_speech(text):
    out = Q.run_items([{"id": "x", "text": text, "quotes": []}])["quotes"]
    assert len(out) == 1 and out["kind"].iloc[0] == "term" and out["speaker"].iloc[0] == ""


def test_a_sentence_quoted_in_title_case_at_its_start_is_still_speech():
    out = Q.run_items([{"id": "x", "text": "“We Will Win,” Ann Lee said.", "quotes": []}])["quotes"]
    assert out["kind"].tolist() == ["direct"] and out["speaker"].tolist() == ["Ann Lee"]


@pytest.mark.parametrize("text, speaker", [
    ("“There is no evidence,” according to a statement from the Chinese Embassy in Ottawa.", "Chinese Embassy in Ottawa"),
    ("“We acted,” Canada’s Industry Minister Melanie Joly said.", "Melanie Joly"),
    ("Canada’s ambassador to China, Jennifer May, said: “We remain engaged.”", "Jennifer May"),   # not China
])
def test_a_demonym_stays_in_an_institutions_name(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZé9²_ .U.S’'-&,“”\n\t\u00a0!", max_size=30) | st.text(max_size=15),
       st.integers(0, 5), st.integers(0, 5))
def test_token_regex_matches_the_plain_alternation(text, cut_start, cut_end):
    """TOKEN_RE, written to open with one character set, finds the tokens TOKEN_PLAIN finds (also inside a window)."""
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    plain = re.compile(Q.TOKEN_PLAIN)
    assert [m.span() for m in Q.TOKEN_RE.finditer(text, start, end)] == \
        [m.span() for m in plain.finditer(text, start, end)]


@pytest.mark.parametrize("text, speaker", [
    # an introductory phrase before the subject, opened by a word other than INTRO_WORDS
    ("Late on Sunday, local leaders in Boston struggled to explain how the permit would work.", "local leaders"),
    ("Behind closed doors, the ministry said it was unfair.", "ministry"),
    ("Two days later, Hikvision said it would appeal.", "Hikvision"),
    ("Late fees rose, the bank said.", "bank"),                      # no comma close by: not an intro
    # a verb after a noun phrase ends it
    ("The opposition struggled to explain how the permit would work.", "opposition"),
    ("Late on Sunday, the newly appointed minister struggled to explain how the permit would work.",
     "newly appointed minister"),   # a participle before a head stays in the phrase read forwards ...
    ("The newly appointed minister said it would stand.", "minister"),   # ... and ends it read backwards
    ("By July, the ministry called it unfair, according to documents seen by reporters.", "documents"),
    ("The plan failed, according to documents obtained by Reuters.", "documents"),
    ("Privately, the opposition rejected claims that North Capital had broken the rules.", "opposition"),
    ("The embattled company said it would appeal.", "company"),
    # a participle after a quote is never inverted: "more details" did not speak
    ("Moretti told reporters the plan was “necessary”, adding that more details would follow.", "Moretti"),
])
def test_subjects_after_introductions_and_participles(text, speaker):
    assert reported_speakers(text) == [speaker]


def test_a_capitalized_two_word_title_is_not_part_of_the_name():
    text = "“The numbers speak for themselves,” said Attorney General Karim Osei."
    assert quote_speakers(text, "speaker", "speaker_type") == [["Karim Osei", "government"]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # the employer in an appositive read where no cue stands ("warned of" takes no speech): the pronoun
    # later speaks with the employer's type
    ("Dr Farah Soomro, a public health specialist at the Liaquat University of Medical Sciences, warned of "
     "malaria.\n\n“The next 30 days will decide,” she said.", "Farah Soomro", "expert"),
    ("Dana Ruiz, a planner at the Kestrel Valley Water Board, pointed to the dry spring.\n\n"
     "“We are at a third of capacity,” she said.", "Dana Ruiz", "government"),
    # a role word of its own beats the employer's type: a bank's economist is an expert
    ("Infrastructure economist Dr Fiona Ng, of the Coastal Infrastructure Research Trust, said both sides had "
     "a point. “The costings were optimistic,” she said.", "Fiona Ng", "expert"),
    # a title word inside an organisation's name is no title, and no role of the person before it
    ("Achieng Otieno-Wambua of the Climate Justice Alliance of East Africa said the deals let rich countries "
     "“buy their way out of cutting emissions”.", "Achieng Otieno-Wambua", "advocacy_group"),
    # a bare role and its employer in an appositive: the employer's type, an owned title's included
    ("Dana Whitfield-Cho, president of commercial airplanes at Meridian Aircraft, called the order a vote of "
     "confidence.\n\n“We are proud,” she said.", "Dana Whitfield-Cho", "company"),
    ("Jo Park, plant manager at Hanbit Semiconductor, said the firm would shift.\n\n“We are a guest here,” he "
     "said.", "Jo Park", "company"),
    # the owner a possessive names before a title: a country, a company named before
    ("The UK's chief veterinary officer, Dr Fiona Cathcart-Blair, warned keepers.\n\n“We are seeing the virus "
     "early,” she said.", "Fiona Cathcart-Blair", "government"),
    ("Volta Mobility Ltd runs 4,000 scooters. Volta Mobility's Spain director, Inés Albarracín-Soto, was blunt.\n\n"
     "“Madrid is choosing the past,” she said.", "Inés Albarracín-Soto", "company"),
    # a central bank is the state's, though "bank" alone names a business
    ("The Central Bank of Nigeria said the lender had onboarded “over 240,000 customers” without checks.",
     "Central Bank of Nigeria", "government"),
    # the organisation a "whose" title belongs to
    ("The appeal was launched with the Indus Relief and Rehabilitation Trust, whose director, Sadia "
     "Qureshi-Malik, said donors were slow.\n\n“There is fatigue,” she said.", "Sadia Qureshi-Malik",
     "advocacy_group"),
    # an acronym given in brackets stands for the name before it
    ("The Anti-Doping Agency of Kenya (ADAK) banned the runner for four years.\n\n“Rules are rules,” ADAK "
     "said in a statement.", "Anti-Doping Agency of Kenya", "government"),
    ("The Ghana Cocoa Board (COCOBOD) raised the farm-gate price.\n\n“We have listened to the farmer,” "
     "COCOBOD said.", "Ghana Cocoa Board", "government"),
])
def test_types_from_employers_owners_and_acronyms(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


def test_a_bracketed_acronym_must_spell_the_name_before_it():
    # "(AP)" after a dateline spells no name: "LONDON" does not become "AP"
    art = Q.Article("t", "LONDON (AP) — Prices rose.", [(0, 0, 0, 26, "body")], Q.lexicon())
    assert "ap" not in art.entities
    art = Q.Article("t", "The Halcyon Energy Regulator (HER) ruled.", [(0, 0, 0, 41, "body")], Q.lexicon())
    assert art.find("her") is None   # a pronoun stays a pronoun
    art = Q.Article("t", "The Halcyon Energy Network (HEN) ruled.", [(0, 0, 0, 39, "body")], Q.lexicon())
    assert art.find("HEN") is art.find("Halcyon Energy Network") is not None


@pytest.mark.parametrize("text, speaker", [
    # a family name first, then that name alone; a Spanish double surname, then the first of the two
    ("Hoshino Kenta, the railway's president, bowed.\n\n“It was a basic mistake,” Hoshino said.", "Hoshino Kenta"),
    ("Ercilia Quispe Cruz leads the council.\n\n“Water is what this salt flat gives us,” Quispe said.",
     "Ercilia Quispe Cruz"),
    # ... but not a product's first word, nor a name that runs into a date
    ("Corvane said the flaw in its Corvane FlexGate VPN was fixed.\n\n“We patched it,” Corvane said.", "Corvane"),
    # "call" and "post" are nouns after "on an earnings call" and "in a Facebook post"
    ("Northgate chief executive Bradley Kessinger told investors on an earnings call that unionization posed "
     "“a risk to our release cadence.”", "Bradley Kessinger"),
    ("Minister Tan Hui Ling said in a Facebook post that the government understood “the frustration of "
     "families”.", "Tan Hui Ling"),
    # a country's name opening a body's name stays in it; titles such as "Sheikh" do not
    ("“We are examining the grant,” the Israel Innovation Authority said.", "Israel Innovation Authority"),
    ("Sheikh Hamdan bin Saeed Al Ketbi said: “Our region sits eight hours from most of the world.”",
     "Hamdan bin Saeed Al Ketbi"),
    # a company's name word ("Securities", "Studios") ends an analyst's affiliation, not her name
    ("Another analyst, Jonah Fairbairn of Castlegate Securities, asked: “Why should investors believe this?”",
     "Jonah Fairbairn"),
])
def test_names_read_again_and_names_with_affiliations(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    # "Stuttgart-based" says where the maker is, not who it is
    ("A spokeswoman for Stuttgart-based heat pump maker Thermora said the company was “reviewing production "
     "plans for 2026”.", "Thermora"),
    # a title's "of the ..." names its portfolio; the person is the one in the appositive
    ("Belgium's deputy prime minister in charge of the North Sea, Annelies De Smet-Vervoort, called the attack "
     "“an assault on the Belgian economy”.", "Annelies De Smet-Vervoort"),
    ("The head of the National Water Commission, Efraín Sandoval Arteaga, told reporters the rains would be "
     "“not enough”.", "Efraín Sandoval Arteaga"),
])
def test_speakers_behind_places_and_portfolios(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_nickname_in_quote_marks_is_no_quote_and_no_break_in_the_name():
    q = run("The farm of Roberto “Betão” Cardoso de Mello was raided.\n\n“We obey the law,” Cardoso de Mello said.")[
        "quotes"]
    assert q[["text", "kind"]].values.tolist() == [["Betão", "term"], ["We obey the law,", "direct"]]
    # a term between two capitalized words that are no name stays a term only by its own rules
    q = run("Officials called the plan “Project Falcon” on Monday.")["quotes"]
    assert q["kind"].tolist() == ["term"]


@pytest.mark.parametrize("text, speaker", [
    # a partial quote in the clause a speaker reports: the thing that clause is about did not speak
    ("Ali Kocabıyık, a lawmaker of the main opposition party, said the decree showed that “no institution in "
     "this country is independent any more.”", "Ali Kocabıyık"),
    ("The Association of Avocado Producers said in a statement that extortion added “an invisible cost that "
     "ends up in every guacamole.”", "Association of Avocado Producers"),
    # ... but a person named in that clause may have: the one who shouted
    ("Prosecutor Emma Lyle told the court Whitcombe had shouted “I’ll kill you” before lunging at a neighbour.",
     "Whitcombe"),
])
def test_a_quote_inside_a_reported_clause(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    # honorifics of Indian and Philippine copy, and "dela" in a surname
    ("“I stand by every line,” said Maria Luzviminda dela Paz-Santiago.\n\n“I will not stop,” Dela Paz-Santiago "
     "said.", "Maria Luzviminda dela Paz-Santiago"),
    ("“It is a weapon against the press,” said Atty Jose Mari Lacson.", "Jose Mari Lacson"),
    ("“We have seen how liquor destroys families,” Shri Ramesh Chandra Mahto said.", "Ramesh Chandra Mahto"),
    ("Excise Minister Smt. Anjali Kumari Oraon said the shortfall would be met by “plugging leakages”.",
     "Anjali Kumari Oraon"),
])
def test_honorifics_and_particles_of_more_presses(text, speaker):
    assert set(quote_speakers(text)[i][0] for i in range(len(quote_speakers(text)))) == {speaker}


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # international lenders and the European Commission speak from outside a national story
    ("NAIROBI (Reuters) - Kenya's parliament passed the bill.\n\nThe International Monetary Fund said the measures "
     "were “necessary to restore debt sustainability.”", "International Monetary Fund", "foreign_government"),
    ("The World Bank said the pool had “paid out within two weeks”.", "World Bank", "foreign_government"),
])
def test_international_bodies_are_foreign(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    ("Excise Minister Smt. Anjali Kumari Oraon said the shortfall would be met by “plugging leakages”.",
     "Anjali Kumari Oraon", "government"),   # "Smt." is an abbreviation: the minister's title reaches her name
    ("“We are chasing the disease,” said Okot Bosco Lagu, the Adjumani district health officer.",
     "Okot Bosco Lagu", "government"),
    ("“The vote was rigged,” said opposition leader Omar Diallo.", "Omar Diallo", "government"),
])
def test_officers_ministers_and_opposition_leaders(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a company named again by the first two words of its name
    ("Gobi Ridge Coal LLC runs the mine.\n\nGobi Ridge said it would “cooperate fully with the court.”",
     "Gobi Ridge Coal LLC", "company"),
    # Malaysian and Commonwealth honorifics are titles; an editor-in-chief is the media's
    ("“Where did the money go?” asked Pasir Mas MP Datuk Ahmad Zaki Hamzah.", "Ahmad Zaki Hamzah", "government"),
    ("“We were told on Monday,” Editor-in-chief Zsófia Kertész-Varga said.", "Zsófia Kertész-Varga", "media"),
    ("“We continue to work on site,” said Qimam Development Company.", "Qimam Development Company", "company"),
])
def test_short_names_honorifics_and_editors(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker", [
    # a number's thousands separator is no clause break
    ("Søren Kjærgaard, 58, who keeps 6,000 pigs on a farm outside Herning, said the change had been ‘sprung on us "
     "in a press release’.", "Søren Kjærgaard"),
    ("The Danish Pig Producers’ Association, which represents about 2,400 farms, said the figures relied on "
     "additives ‘still in the laboratory’.", "Danish Pig Producers’ Association"),
    # a complaint speaks for whoever filed it
    ("The complaint, filed at the provincial court on Tuesday by the Clean Steppe Legal Centre, says the convoys "
     "have turned the town into “a place where children cough from October to May.”", "Clean Steppe Legal Centre"),
])
def test_numbers_and_complaints(text, speaker):
    assert quote_speakers(text) == [[speaker]]


# ---------------------------------------------------------------- employers of no known type

@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a corporate role at an organisation whose name carries no word of its type: a brand, so a company
    ("Gregory Shaw, the commercial director of Stocznia Baltyk, said he would \"appeal\".", "Gregory Shaw", "company"),
    ("Stocznia Bałtyk’s commercial director, Tomasz Wróblewski-Nowak, said the yard had delivered \"31 ferries\".",
     "Tomasz Wróblewski-Nowak", "company"),
    ("Folake Ogunleye-Hart, country manager of rival platform Zipa, said the levy \"will be passed on\".",
     "Folake Ogunleye-Hart", "company"),
    # ... not an acronym's (public bodies as often as not), nor a name built on "for" (a cause's)
    ("MTA Chair Leonard Oyelaran said the cameras would be \"live-monitored\".", "Leonard Oyelaran", "unknown"),
    ("Youssef El Idrissi, director of the Platform for Digital Equality, said it was \"a scandal\".",
     "Youssef El Idrissi", "advocacy_group"),
    # the organisation named by the verb of an appositive
    ("Angus MacLeod, who chairs the Uist Ferry Users’ Forum, said they had heard \"the same promises\".",
     "Angus MacLeod", "advocacy_group"),
    # a trade body of businesses is a company, and its name's "and" joins two of its nouns, not two speakers
    ("The Bangladesh Apparel Manufacturers and Exporters Forum, which represents factory owners, said the wage "
     "was \"unviable\".", "Bangladesh Apparel Manufacturers and Exporters Forum", "company"),
    ("The Association of Property and Casualty Insurers of Greece said the cap was \"unrealistic\".",
     "Association of Property and Casualty Insurers of Greece", "company"),
    ("Apple Systems and Orion Networks said the deal was \"fine\".", "Orion Networks", "company"),
])
def test_employer_of_no_known_type(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker", [
    # a portfolio between a minister's title and the name is no part of the name
    ("Minister for Tourism and Civil Aviation Badri Narayan Pokharel said the rules were \"final\".",
     "Badri Narayan Pokharel"),
    ("Minister of Power and Energy Sunethra Abeysekara called the rise \"painful but temporary\".",
     "Sunethra Abeysekara"),
    # nor is the seat between a member's title and the name
    ("Labour TD for Dublin Bay South Cathal Ó Murchú called it \"musical chairs\".", "Cathal Ó Murchú"),
    ("NDP MP for Winnipeg Centre Darlene Yellowquill-Hart called it \"a national emergency\".",
     "Darlene Yellowquill-Hart"),
    # ... while a company's name keeps its first word
    ("General Electric said the plan was \"sound\".", "General Electric"),
])
def test_portfolio_and_seat_before_a_name(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_verb_before_a_quote_is_no_speaker():
    """“...” right after a verb ("the deal had come “...”, arguing"): the one who said the clause speaks, not
    the verb."""
    text = ("Opposition MP Raf Claeys said the deal had come “ten years and ten billion euros too late”, arguing that "
            "governments had wasted time.")
    assert quote_speakers(text) == [["Raf Claeys"]]


def test_an_acronym_beside_a_statement_still_stands_for_its_name():
    text = ("The road is run by Great Rift Expressway Company (GREC), a consortium. In a statement, GREC said it would "
            "\"comply fully with the orders of the court\".")
    assert quote_speakers(text) == [["Great Rift Expressway Company"]]


@pytest.mark.parametrize("text, speaker", [
    # a portfolio of two lower-case words joined by "and", before the appositive name
    ("The minister of mines and energy, Jane Doe, said it was \"fine\".", "Jane Doe"),
    # where a speaker is from, between the name and a clause about them, is no speaker
    ("Abdirahman Warsame Ali, 27, from Somalia, who had been living in a tent near Baggot Street Bridge for five weeks, "
     "said he was “not sure where it is going”.", "Abdirahman Warsame Ali"),
])
def test_appositives_after_a_portfolio_or_an_origin(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    ("Winnipeg Centre MP Darlene Yellowquill-Hart wrote that the numbers were \"a national emergency\".",
     "Darlene Yellowquill-Hart"),                       # a seat's letters before a name are a title
    ("Ann Lee MP said it was \"fine\".", "Ann Lee"),     # ... and after it no part of the name
    ("Minister of Labour and Social Security Karen Walters-Campbell said it was \"referred\".",
     "Karen Walters-Campbell"),                          # a portfolio on "and"
    ("The association’s Lagos chairman, Comrade Idowu Adeyemi-Bakare, said it was \"unfair\".", "Idowu Adeyemi-Bakare"),
    ("A commuter, Miss Chiamaka Eze, said she was \"tired\".", "Chiamaka Eze"),
])
def test_titles_and_letters_around_a_name(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    # speech verbs beyond "said": admitted, conceded, recalled, stressed, testified, lamented ...
    ("“I understand their anger,” Mr Al-Mansoori conceded.", "Al-Mansoori"),
    ("“We got the timing wrong,” the chief executive, Ruth Adler, admitted.", "Ruth Adler"),
    ("“The water came through the door in seconds,” recalled Maria Santos.", "Maria Santos"),
    ("“This closure is temporary,” Mayor Tom Reyes stressed.", "Tom Reyes"),
    # particles inside a surname: zu, binte, bin
    ("Lena zu Dohnaburg, a historian, said the return was “overdue”.", "Lena zu Dohnaburg"),
    ("Rosnah binte Ismail, who runs a stall, said the levy was “too high”.", "Rosnah binte Ismail"),
    # titles of two words, hyphenated or not, and military ranks, before a name
    ("WRA Director-General Wang Chih-hao said the decision had been “extremely difficult”.", "Wang Chih-hao"),
    ("Director General Pradeep Raj Bhattarai said the checks were “overdue”.", "Pradeep Raj Bhattarai"),
    ("Colonel Ann Whitfield said the base was “secure”.", "Ann Whitfield"),
    ("Administrator Danielle Fonoti called the books “unreliable”.", "Danielle Fonoti"),
    # "Minister of State for Transport": the portfolio, "of State" and all, is no part of the name
    ("Senior Minister of State for Transport Siti Rahayu binte Ismail, who attended, said the review was "
     "“independent”.", "Siti Rahayu binte Ismail"),
])
def test_more_cues_particles_and_titles(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    # a person called again by the given names ("Einar Logi"), or by a family name said first ("Wang")
    ("Einar Logi Pétursson, managing director of a fish processor, said the company had moved. "
     "\"We will come back,\" Einar Logi said.", "Einar Logi Pétursson"),
    ("Director-General Wang Chih-hao spoke first. “Farmers will be paid,” Wang said.", "Wang Chih-hao"),
])
def test_a_person_called_again_by_part_of_the_name(text, speaker):
    assert quote_speakers(text)[-1] == [speaker]


def test_a_title_with_its_portfolio_and_no_name_is_no_name():
    lex = Q.lexicon()
    assert Q._run_name("Minister of State", lex) is None
    assert Q._run_name("Minister of State Ann Lee", lex)[4] == "Ann Lee"


@pytest.mark.parametrize("text, speaker", [
    # a quote left open by its comma, then the speaker behind a long appositive
    ("“Every city that builds light rail goes through this valley,” Dr. Noa Rosenthal-Golan, an urban economist at "
     "the Hebrew University of Jerusalem, told The Times of Israel.", "Noa Rosenthal-Golan"),
    # where a company is based, between its name and the verb
    ("SunHarbor, based in Lehi, Utah, said in a statement that it \"strongly disagrees\" with the claims.", "SunHarbor"),
    ("Hikvision, headquartered in Hangzhou, China, said the order was “unfounded”.", "Hikvision"),
])
def test_speakers_past_long_appositives_and_bases(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_place_a_later_name_ends_with_is_no_mention_of_that_name():
    # "she" is the farmer named first, not the group "Wolvenhek Drenthe" whose last word is the province named after her
    text = ("Jantje van den Broek walks the fence line of her pasture in the Dutch province of Drenthe, counting.\n\n"
            "“People in Amsterdam think the wolf is a beautiful idea,” she told me.\n\n"
            "Bram Kuipers, who runs Wolvenhek Drenthe, a volunteer group, said the fences \"work\".")
    assert quote_speakers(text)[0] == ["Jantje van den Broek"]


@pytest.mark.parametrize("text, speaker", [
    # a role, then a place, each set off by commas, between a name and its verb
    ("Simone Ferguson-Bailey, a geographer at the University of the West Indies, Mona, said the risk was \"real\".",
     "Simone Ferguson-Bailey"),
    # a plural possessive's apostrophe between the quote and its cue
    ("\"We have been sleeping in a gym,\" Kim Hye-jin, 47, who heads the complex’s residents’ council, told Yonhap.",
     "Kim Hye-jin"),
    # the head of a body named, then the person in an appositive
    ("“It is not a minor incident,” declared the head of Profepa, Alejandro Ruiz de la Peña Montes, in a press "
     "conference.", "Alejandro Ruiz de la Peña Montes"),
])
def test_speakers_behind_roles_places_and_possessives(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a specialty the lexicon lacked, and a researcher known by what they study
    ("“It is cheap,” said Maarten van der Heijden, an ophthalmologist at Erasmus MC in Rotterdam.",
     "Maarten van der Heijden", "expert"),
    ("\"Edge devices are the soft underbelly,\" said Jonah Whitlock, who studies vulnerability disclosure at Pacific "
     "Northwest Polytechnic.", "Jonah Whitlock", "expert"),
    # the owner of a title in the appositive's possessive, and a business its speaker founded
    ("Marcus Teo, the subsidiary’s president, said staff were told on Thursday. \"Nobody told us,\" Teo said.",
     "Marcus Teo", "company"),
    ("\"I never took a cent,\" said Grant Whitcombe-Ng, who founded Little Wattle Early Learning in 2011.",
     "Grant Whitcombe-Ng", "company"),
])
def test_types_from_specialties_studies_possessives_and_founders(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type")[-1] == [speaker, speaker_type]


@pytest.mark.parametrize("text, speaker", [
    # a nickname in marks inside the speaker's name bounds no clause: the name reads on past it
    ("“He wants to play,” said Gustavo “Tato” Pereyra, his agent.", "Gustavo Pereyra"),
    ("Gustavo “Tato” Pereyra said the offer was \"serious\".", "Gustavo Pereyra"),
    # ... in single marks too, in a paragraph read whole
    ("“He wants to play in the Champions League,” said Ricardo ‘Rico’ Marín de la Fuente, his agent.",
     "Ricardo Marín de la Fuente"),
    ("'He wants to play,' said Ricardo 'Rico' Marín de la Fuente, his agent.", "Ricardo Marín de la Fuente"),
])
def test_a_nickname_inside_the_speakers_name(text, speaker):
    assert [s for s in quote_speakers(text) if s != [""]] == [[speaker]]


def test_an_acronym_in_brackets_names_its_body_when_it_speaks_alone():
    # (a guard: read right since the acronym rows of an earlier session)
    text = ("Residents complained to the South African Human Rights Commission (SAHRC) on Monday.\n\n"
            "The SAHRC confirmed receiving the complaint and said it would conduct “an urgent site inspection”.")
    assert quote_speakers(text) == [["South African Human Rights Commission"]]


@pytest.mark.parametrize("text, speaker", [
    # a role the lexicon lacked before an appositive name, and honorifics that are no part of a name
    ("\"They have lost everything,\" said the group's coordinator, Renee Albright.", "Renee Albright"),
    ("The chairman of the dealers' association, Alhaji Musiliu Ayinde Ogunsola, disputed that. \"We were in talks,\" "
     "he said.", "Musiliu Ayinde Ogunsola"),
    ("The Rev Canon Timothy Brackenbury, chair of the board, said staff had waited. 'We trusted her,' he wrote.",
     "Timothy Brackenbury"),
    # an affiliation whose body is named through a possessive, and one longer than ten words
    ("Kenneth Ong of the university’s Faculty of Law said: “Whatever the court decides, it matters.”", "Kenneth Ong"),
    ("Associate Professor Kenneth Ong of the National University of Singapore’s Faculty of Law said: “Whatever the "
     "court decides, it matters.”", "Kenneth Ong"),
    # "Studies" in a body's name is no study speaking
    ("Dr. Lakshmi Venkatesh of the Centre for Strategic Space Studies said that the increase was \"small\".",
     "Lakshmi Venkatesh"),
    # a sentence adverb before a surname
    ("Junior staff do learn by overhearing. Even Venkataraman concedes that \"new hires are the exception.\"",
     "Venkataraman"),
    # particles glued to a surname, and the conjunction between two surnames
    ("“2024 was a year of resistance,” chief executive Hélène d’Aubigny-Rastoul said in a statement.",
     "Hélène d’Aubigny-Rastoul"),
    ("Ayman Abd el-Moneim, secretary-general of the council, said it would be opened “in the coming weeks”.",
     "Ayman Abd el-Moneim"),
    ("The wood was “remarkably well preserved”, said Ignasi Puigdomènech i Soler, an archaeologist.",
     "Ignasi Puigdomènech i Soler"),
    # a judge's letter after the surname in a court report
    ("“On those numbers, eight people a day are being stopped,” Hallworth J said.", "Hallworth"),
    # a U.S. lawmaker's party and state between the name and the verb (the second, read right before, a guard)
    ("Sen. Mark Kessler, R-Ohio, who has pushed for tougher controls, called the rule “a good first step”.",
     "Mark Kessler"),
    ("Sen. Patricia Álvarez-Nunn, D-Calif., whose state is home to chip designers, said she feared “collateral "
     "damage”.", "Patricia Álvarez-Nunn"),
    # counsel "submitted" in Indian and Commonwealth court copy
    ("Senior advocate Rohan Deshpande-Kulkarni told the court that the orders were secret. \"My Lords, the citizens "
     "cannot read them,\" he submitted.", "Rohan Deshpande-Kulkarni"),
    # a role at a body, then the person in an appositive
    ("An agricultural economist at the University of Ghana, Prof. Ama Serwaa Boateng, said that the finances were "
     "\"tight\".", "Ama Serwaa Boateng"),
    ("A Lagos-based financial analyst with Sterling Heights Research, Mr Kelechi Nwankwo, said that it was \"a "
     "warning shot\".", "Kelechi Nwankwo"),
])
def test_roles_particles_letters_and_affiliations_around_a_name(text, speaker):
    assert [s for s in quote_speakers(text) if s != [""]] == [[speaker]]


def test_a_place_after_a_role_at_a_body_is_no_person():
    # (a guard: the name before the role is the speaker when a place, not a name, stands in the last commas)
    text = ("Dr Andrea Chin-Lyn, a tourism economist at the University of the West Indies, Mona, said: \"The model "
            "keeps the money inside the gate.\"")
    assert quote_speakers(text) == [["Andrea Chin-Lyn"]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a finance ministry by its British name, a specialist the lexicon lacked, a prosecutor in a British court
    # report, a fire department's officer
    ("A spokesperson for HM Treasury said the tankers used “deceptive shipping practices”.", "HM Treasury",
     "government"),
    ("“It is over,” said Salima Haddad-Marwan, an independent Egyptologist based in London.", "Salima Haddad-Marwan",
     "expert"),
    ("Nigel Broadbent, prosecuting, said the payments were 'invoices that did not exist'.", "Nigel Broadbent",
     "government"),
    ("Battalion Chief Greg Sowinski said the fire started on a porch. \"Alarms save lives,\" Sowinski said.",
     "Greg Sowinski", "government"),
    # a business's role at an organisation of no known type, read in the article's names and after an inverted cue
    ("Rolando Garza, general manager of Rio Verde WSC, told KVLT that repairs were done. \"Nobody wants this more "
     "than we do,\" Garza said.", "Rolando Garza", "company"),
    ("\"Nobody wants this more than we do,\" said Rolando Garza, commercial director of Rio Verde Widgets.",
     "Rolando Garza", "company"),
])
def test_types_of_treasuries_prosecutors_fire_officers_and_business_roles(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type")[-1] == [speaker, speaker_type]


def test_a_role_at_a_body_named_by_initials_alone_is_no_business():
    # (a guard: the initials rule kept when a name ending in initials became a business)
    assert quote_speakers("\"It is sound,\" said Jo Fry, chair of the MTA.", "speaker_type") != [["company"]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a person named with the body they are of, then called by a surname (the first of two joined by "i")
    ("The mission is led by Ignasi Puigdomènech i Soler of the University of Barcelona. Puigdomènech said the "
     "statues were “remarkably well preserved”.", "Ignasi Puigdomènech i Soler", "expert"),
    # ... but a role of its own type beats the employer's (a guard)
    ("Another analyst, Jonah Fairbairn of Castlegate Securities, asked: “Why should investors believe this?”",
     "Jonah Fairbairn", "expert"),
    # titles of South African and Indian local government
    ("In papers filed with the court, the city’s MMC for public safety, Pieter van der Westhuizen, states that the "
     "cameras work. Van der Westhuizen said the regulator had “misread the Act”.", "Pieter van der Westhuizen",
     "government"),
    ("District Collector Priyanka Dwivedi told reporters that the situation was \"under control\".",
     "Priyanka Dwivedi", "government"),
    # a portfolio of two fields after an inverted cue
    ("“It is,” said Minister of Tourism and Antiquities Sherif Tawfik Mansour.", "Sherif Tawfik Mansour",
     "government"),
])
def test_names_with_their_bodies_local_titles_and_portfolios(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type")[-1] == [speaker, speaker_type]


def test_a_portfolio_list_set_off_by_a_comma_before_a_name():
    text = ("Minister of Economy, Trade and Industry Ozaki Takeshi told a press conference that the rule was “not "
            "aimed at any one country”. “Japanese materials are everywhere,” Ozaki said.")
    assert quote_speakers(text) == [["Ozaki Takeshi"], ["Ozaki Takeshi"]]


def test_a_pronoun_with_its_contraction_is_no_name():
    # a quote left open across paragraphs leaves "I’ve told the referee" outside the marks, read as reported speech
    text = ("Manager Gareth Llewellyn-Jones was angry.\n\n‘He’s fallen over his own feet. I’ve watched it back "
            "four times,’ Llewellyn-Jones said. ‘I’ve told the referee that.\n\n‘My players deserved better.’\n\n"
            "The 24-year-old Ghanaian completed the turnaround in the 88th minute.\n\n"
            "‘I just closed my eyes and hit it,’ he said afterwards.")
    assert not any("’" in s for [s] in quote_speakers(text))


@pytest.mark.parametrize("text, speaker_type", [
    # a regulator named for its field, a country's bank, a state body by its initials, a role word ending a body's name
    ("The Canada Energy Regulator said it was \"reviewing\" the file.", "government"),
    ("The Bank of Mexico said inflation was \"easing\".", "government"),
    ("NASA said the launch was \"on track\".", "government"),
    ("The Health Service Executive said it was \"aware\" of the delays.", "government"),
    # ... but a bank named for a city is a business, and a minister after a portfolio a name word can open is a
    # minister (guards)
    ("The Bank of Montreal said profits were \"strong\".", "company"),
    ("The Industry Minister, Melanie Joly, said the decision was \"final\".", "government"),
])
def test_types_of_regulators_central_banks_and_bodies_ending_in_a_role_word(text, speaker_type):
    assert quote_speakers(text, "speaker_type") == [[speaker_type]]


@pytest.mark.parametrize("text, speaker_type", [
    # a business's role after the organisation's name, read with the names: the type the pronoun's speaker takes
    ("Caledonia Insight research director Fraser McAllister-Boyd said the shift was real. \"The story of this poll "
     "is generational,\" he said.", "company"),
    ("Toronto District School Board director Ann Lee said the plan was sound. \"It is,\" she said.", "government"),
    # a title of three words before the name
    ("Chief financial officer Achieng' Odhiambo said costs rose. \"Every radio is priced in dollars,\" she said.",
     "company"),
    # ... but a club's manager is no business's (a guard)
    ("Corwen Athletic manager Gareth Llewellyn-Jones was furious. \"He fell over his own feet,\" he said.",
     "unknown"),
])
def test_roles_after_an_organisations_name_type_the_person(text, speaker_type):
    assert quote_speakers(text, "speaker_type") == [[speaker_type]]


@pytest.mark.parametrize("text, speaker_type", [
    # a state's mission abroad speaks for a foreign state when the article's home country is not told; its own
    # country's name is no sign of where the story is told from
    ("The Chinese Embassy said the report was \"groundless\".", "foreign_government"),
    ("The Embassy of Nepal said it was \"monitoring\" the case.", "foreign_government"),
    ("The Australian High Commission said it was \"aware\".", "foreign_government"),
    ("“Nobody wins,” the embassy said.", "foreign_government"),
    # ... and when the article names its country most (sanctions on Russia, told in London)
    ("Britain sanctioned 20 Russian tankers. Russia's shadow fleet carries Russian oil past Russia's rules. Russia "
     "has denied it. The Russian Embassy called the move \"an illegitimate attempt to rig markets\".",
     "foreign_government"),
    # ... but a bare "the ambassador" is nobody's in particular (a guard)
    ("“Nobody wins a trade war,” the ambassador said.", "government"),
])
def test_missions_abroad_are_foreign_states(text, speaker_type):
    assert quote_speakers(text, "speaker_type") == [[speaker_type]]


@pytest.mark.parametrize("text", [
    # "Its <role>, <name>,": the organisation named before owns the title, not the name in the appositive
    "The anti-nuclear group Nucléaire Stop Belgique called the deal “a gift”. Its spokeswoman, Elke Vandermeulen, "
    "said the cap “hands the bill to our grandchildren”.",
    "The farmers’ union Union paysanne de Gironde was scathing. Its spokeswoman, Sylvie Carrère, said the payment was "
    "“a funeral allowance”.",
])
def test_its_role_then_a_name_takes_the_organisations_type(text):
    assert quote_speakers(text, "speaker_type")[-1] == ["advocacy_group"]


@pytest.mark.parametrize("text, speaker_type", [
    # the employer after "of the" in an appositive types the person, by the name word the table lists first
    ("“It is bad,” said Gareth Mallory, chief executive of the Federation of Independent Retailers.", "company"),
    # "executive director" is a title of two words, whose type its organisation gives (this and the next are guards:
    # read right before, by the name words after "of the", and kept when the employer came to be read there)
    ("Cassandra Ybarra, executive director of the Rio Grande Watershed Alliance, said: \"The buoys trap sediment.\"",
     "advocacy_group"),
    # a chairman, like a chairwoman, takes the type of the body he chairs
    ("Declan Furlong, chairman of the Grand Canal Residents’ Association, said residents had “a lot of sympathy”.",
     "advocacy_group"),
])
def test_appositive_employers_type_chief_executives_directors_and_chairmen(text, speaker_type):
    assert quote_speakers(text, "speaker_type") == [[speaker_type]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # an unnamed source keeps what it is a source of; a seat of government stands for it
    ("A Whitehall source said the home secretary was ‘completely relaxed’ about it.", "Whitehall source",
     "government"),
    ("A source close to the club said the offer was \"serious\".", "source close to the club", "unknown"),
    ("The Pentagon said it was \"aware\" of the report.", "Pentagon", "government"),
    ("A White House official said the plan was \"fine\".", "White House official", "government"),
    # a state's spokesman named by its seat of government (the White House and "source close to" rows: guards)
    ("Kremlin spokesman Dmitry Peskov said the claims were \"absurd\".", "Dmitry Peskov", "government"),
])
def test_sources_seats_of_government_and_their_spokesmen(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # initials of a body named before, with no brackets to say so; "Office for" opens a name as "Office of" does
    ("The Office for Budget Responsibility has cut its forecast. In its outlook, the OBR said the Chancellor had met "
     "her rules “by a margin of £9.4bn”.", "Office for Budget Responsibility", "government"),
    # titles by their initials in Kenyan and Indian copy
    ("Nyeri Central OCPD Peter Kiprono said the farmers had a right to \"demonstrate\".", "Peter Kiprono",
     "government"),
    ("ASG Meenakshi Raghunathan said the material was \"placed before the court\".", "Meenakshi Raghunathan",
     "government"),
])
def test_initials_of_bodies_and_titles(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker", [
    # a union's delegate, a role the lexicon lacked, at a site, then the person
    ("The union’s delegate at the Alençon site, Karim Benali-Roux, said staff had learned of the plan “from the "
     "newspapers”.", "Karim Benali-Roux"),
    # "state" after an article and its adjective is a noun, even before a quote mark
    ("According to a Canadian Security Intelligence Service assessment filed with the court, CSIS concluded that the "
     "investment could give a foreign state \"influence over the pace and destination\" of lithium production.",
     "Canadian Security Intelligence Service"),
])
def test_delegates_and_a_state_that_is_a_noun(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_rules_that_state_what_they_say_still_speak():
    # (a guard: "state that" after a plural subject stays a cue when "state" after an adjective became a noun)
    assert quote_speakers("The rules state that \"no vendor may be excluded\".") == [["rules"]]


@pytest.mark.parametrize("text, speaker_type", [
    # broadcasters' hosts, critics and newspapers named by what they are; a study's lead author; specialists
    ("On her morning show, radio host Njeri Wambugu-Sang told listeners the ruling was \"a reminder\".", "media"),
    ("The financial daily Ámbito Porteño said in an editorial that the government had \"spent a year promising\".",
     "media"),
    ("Film critic Odalys Ferreira said the film was \"a triumph\".", "media"),
    ("“The results are striking,” said lead author Dr. Omar Reyes.", "expert"),
    ("Bird behaviourist Dr Nisha Kaul said African greys were \"extraordinary mimics\".", "expert"),
    ("Prof. Ama Darko said the deal was \"a mistake\".", "expert"),
])
def test_types_of_hosts_critics_dailies_authors_and_specialists(text, speaker_type):
    assert quote_speakers(text, "speaker_type") == [[speaker_type]]


def test_dean_before_a_surname_is_a_given_name():
    # (a guard: no "dean" title row, whose capital would swallow the given name)
    assert quote_speakers("“We’ve heard it before,” said Dean Atherton-Blake.") == [["Dean Atherton-Blake"]]


@pytest.mark.parametrize("text, speaker", [
    # a relative clause about the body in a role's appositive: the speaker is the name before the role
    ("Hermione Castellanos, the director of the Foundation for Digital Rights, which intervened in the case, said: "
     "“This judgment says the quiet part out loud.”", "Hermione Castellanos"),
    # a town, its state and "-based" in one appositive
    ("Halvorsen Microdevices, the Santa Clara, California-based company whose chips are covered, said it was "
     "reviewing the rule. \"We comply with every export control,\" the company said.", "Halvorsen Microdevices"),
    # a street a person lives on is no person a pronoun stands for
    ("Gord Lafontaine, 67, who left his home on Rose Valley Road with two dogs, a box of photographs and his late "
     "wife's sewing machine, said he had been through this before. \"You'd think it gets easier the second time,\" "
     "he said.", "Gord Lafontaine"),
    # a relative clause with commas of its own runs to the verb's comma
    ("Birsi Munda leads a collective. Prof. K. S. Ranganathan, who teaches public policy at the Indian Institute of "
     "Management, Ranchi, opined that the evidence was \"mixed\".", "K S Ranganathan"),
])
def test_clauses_towns_and_streets_between_a_name_and_its_verb(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    # (guards: a name in the appositive, or a body's name, before the relative clause is the speaker)
    ("The shop’s owner, Malcolm Treadgold, whose family has run the business since 1962, said his staff were "
     "‘shaken but unhurt’.", "Malcolm Treadgold"),
    ("In Gusau, Zamfara State, school teacher Aminu Sani Danjuma, who took part in a pilot, said the service was "
     "“a relief”.", "Aminu Sani Danjuma"),
    ("In a statement, the National Guild of Dental Nurses, which supported the claim, said: ‘This judgment should "
     "be pinned to the wall.’", "National Guild of Dental Nurses"),
    ("The appeal was launched with the Indus Relief Trust, whose director, Sadia Qureshi-Malik, said donors had been "
     "\"slower to respond\".", "Sadia Qureshi-Malik"),
])
def test_a_relative_clause_after_a_name_leaves_the_name(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a minister of a portfolio of two words, then the person in commas
    ("B.C.'s Minister of Emergency Management and Climate Readiness, Harjit Dhaliwal-Brar, wrote that more "
     "resources were \"on the way and then some.\"", "Harjit Dhaliwal-Brar", "government"),
    # a portfolio the table lacked ("Manpower") before the name
    ("Senior Minister of State for Manpower Gan Siew Ling said the measures \"would become mandatory\".",
     "Gan Siew Ling", "government"),
    # a list of lower-case words inside a role's appositive
    ("Seán Mac Cárthaigh, the council's director of services for community, culture and placemaking, told the "
     "meeting that a new building was \"the only responsible option\".", "Seán Mac Cárthaigh", "government"),
    # a country the speaker wrote of is no speaker of the quote that ends the sentence
    ("Nadia Gul Khattak, the prime minister's focal person for polio eradication, wrote in a post on X that Pakistan "
     "had reported nine cases, \"all of them in districts where campaigns were disrupted\".", "Nadia Gul Khattak",
     "government"),
    # what a body does, told in a relative clause, gives its name no role ("near the government core")
    ("Sutrisno, vice president director of developer PT Borneo Graha Lestari, which is building a district near "
     "the government core, said sales had been \"slow\".", "Sutrisno", "company"),
])
def test_portfolios_lists_and_clauses_inside_a_speakers_phrase(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


def test_a_demonym_in_a_reported_clause_keeps_the_inner_speaker():
    # (a guard: "a German officer described" is the officer's quote, not the one who reports it)
    text = ("Friedrich von Hohenfels-Arnim said researchers had found letters in which a German officer described "
            "the palace as “emptied down to the doorposts.”")
    assert quote_speakers(text) != [["Friedrich von Hohenfels-Arnim"]]


def test_a_relative_clause_that_says_what_a_body_is_still_gives_its_role():
    # (a guard: "which claims to be the world's largest maker" makes Hikvision the company "the company" means)
    text = ("Hikvision, which claims to be the world’s largest maker of video surveillance equipment, was named. "
            "The company said the order was “unfounded”.")
    assert quote_speakers(text) == [["Hikvision"]]


@pytest.mark.parametrize("text, speaker", [
    # a quote with no cue that opens a sentence speaks for the one the sentence before reports, or is about
    ("Workers' Party MP Nur Aisyah Abdul Rahim asked if firms that breach the rules would be named. \"Will the "
     "ministry publish the names of employers who are caught?\"", "Nur Aisyah Abdul Rahim"),
    ("Dirk Oberländer, chairman of the Federation of German Criminal Investigators, warned of the consequences. "
     "\"Our investigators are now blind for the first hours of every online case.\"", "Dirk Oberländer"),
    ("Thandeka Mahlangu-Venter is the chief executive.\n\nMahlangu-Venter did not hedge. \"I'm telling you it's "
     "gone until the balance sheet says otherwise.\"", "Thandeka Mahlangu-Venter"),
])
def test_a_quote_after_a_sentence_about_a_person_is_theirs(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_quote_after_a_sentence_about_a_thing_has_no_speaker():
    # (a guard: a subject that is no person gives a quote no speaker)
    assert quote_speakers("The Ridgeway Bridge closed in May. \"Nobody knows when it will reopen.\"") == [[""]]


def test_a_capitalised_title_after_a_quote_names_the_person_just_named():
    # "began" tells of speech right after a quote; "the Prime Minister" is the man the sentence before was about
    text = ("Michael Castellari rose with the air of a man who had been waiting all week. “I thank the Leader of the "
            "Opposition for her question,” the Prime Minister began.")
    assert quote_speakers(text, "speaker", "speaker_type") == [["Michael Castellari", "government"]]


@pytest.mark.parametrize("text, speaker", [
    ("“And there is more,” Joan Reyes continued.", "Joan Reyes"),
    # (a guard: away from a quote, "began" is no cue)
    ("The hearing began with a statement from Joan Reyes, who called the order “a disgrace”.", "Joan Reyes"),
])
def test_began_and_continued_are_cues_only_after_a_quote(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    # a demonym opening a ministry's name built on "of" is part of it
    ("The Chinese Ministry of Commerce said Canadian canola had been sold at \"dumping margins\".",
     "Chinese Ministry of Commerce"),
    # lower-case words between "of the" and the party a member is of
    ("Rep. Han Do-yoon of the main opposition Democratic Party said the briefing raised \"serious questions\".",
     "Han Do-yoon"),
    # a noun of no known role, then the name in commas
    ("The exchange, Seoul-based CoinHarbor, said in a statement that it had \"fully reimbursed all affected "
     "customers\".", "CoinHarbor"),
])
def test_demonyms_parties_and_names_after_a_plain_noun(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text", [
    "\"The smuggling gets smarter,\" said Marguerite Lindqvist, a former Commerce Department enforcement lawyer who is "
    "now a senior fellow at the Institute for Security and Technology Policy.",
    "Marguerite Lindqvist, a former Commerce Department lawyer who is now a senior fellow at the Institute for "
    "Security and Technology Policy, said it was \"a mess\".",
])
def test_the_role_a_person_holds_now_types_them(text):
    assert quote_speakers(text, "speaker", "speaker_type") == [["Marguerite Lindqvist", "expert"]]


@pytest.mark.parametrize("text, speaker_type", [
    # "Advocacy" and Hong Kong's "Concern Group" in a body's name make a campaigners' body, before the business
    # words "Network" and "Group"
    ("Ms Lee Hui Min, executive director of the Migrant Workers' Welfare and Advocacy Network, said \"the devil is in "
     "enforcement\".", "advocacy_group"),
    ("Ho Ka-wai, an organiser with the Kowloon West Concern Group for Grassroots Housing, said the government had "
     "\"drawn a line without building a lifeboat\".", "advocacy_group"),
    # an advocate (a lawyer) not involved in the case is an outside expert
    ("Senior advocate Nandita Rao-Kulkarni, who was not involved in the case, said the ruling could have \"wide "
     "consequences\".", "expert"),
])
def test_campaigners_bodies_and_advocates_outside_a_case(text, speaker_type):
    assert quote_speakers(text, "speaker_type") == [[speaker_type]]


def test_a_statements_owner_is_named_without_the_title_before_the_name():
    text = ("China’s Commerce Ministry responded within hours. Spokeswoman Gao Wenjing said in a statement posted "
            "online that the U.S. was “weaponizing trade and technology issues”.")
    assert quote_speakers(text) == [["Gao Wenjing"]]


def test_a_role_alone_in_a_headline_is_the_person_the_story_names_with_it():
    text = ("Encryption bill: minister insists there is ‘no back door’\n\n"
            "MPs backed the scanning clause on Tuesday. Security Minister Rachel Okoro-Hale told the Commons the "
            "bill would protect children.")
    assert quote_speakers(text, "speaker", "speaker_type") == [["Rachel Okoro-Hale", "government"]]


def test_a_role_alone_stays_itself_when_the_story_names_no_one_with_it():
    # (a guard: no minister named later, so the headline's "minister" stands)
    text = "Encryption bill: minister insists there is ‘no back door’\n\nMPs backed the scanning clause on Tuesday."
    assert quote_speakers(text) == [["minister"]]


# ---------------------------------------------------------------- name forms from many countries

@pytest.mark.parametrize("text, speaker", [
    # honorifics before a name: Malaysia's "Datuk Seri", Fiji's "Ratu"
    ("Communications Minister Datuk Seri Khairul Anuar Mat Saman said platforms had been \"profiting from scams\".",
     "Khairul Anuar Mat Saman"),
    ("Minister for Youth and Sports Ratu Viliame Ravulo said the team had \"lifted the spirits of the nation\".",
     "Viliame Ravulo"),
    # a Swedish nobiliary particle, and a Filipino one after a nickname
    ("“The procurement was carried out in competition,” said Johan af Klintberg, head of air defence at FMV.",
     "Johan af Klintberg"),
    ("Police director Ronaldo “Ronnie” dela Cruz said investigators were tracing the owner. “The name on the lease is "
     "a Filipino,” Dela Cruz said.", "Ronaldo dela Cruz"),
    # a portfolio in capitals between a title and the name
    ("Minister of State for IT Rubina Ahsan Qureshi denied it. \"We want to grow IT exports,\" she said.",
     "Rubina Ahsan Qureshi"),
    # "and" inside a body's name built on "of", before a verb that is not the cue
    ("The Law Association of Trinidad and Tobago had urged MPs to add \"a sunset clause\" to the bill.",
     "Law Association of Trinidad and Tobago"),
])
def test_name_forms_from_many_countries(text, speaker):
    named = [row[0] for row in quote_speakers(text) if row[0]]   # (a nickname in marks is a term, with no speaker)
    assert named and set(named) == {speaker}, named


@pytest.mark.parametrize("text, speaker", [
    ("In a statement, the Chinese Embassy in Manila said it “firmly supports the crackdown”.", "Chinese Embassy in Manila"),
    ("The Embassy of Vietnam in Australia said the men were “ordinary people”.", "Embassy of Vietnam in Australia"),
    ("“There is no evidence,” according to a statement from the Chinese Embassy in Ottawa.", "Chinese Embassy in Ottawa"),
    # (a guard: a commission that is not a mission is named without the place)
    ("The Competition Commission in Pretoria said it would \"act swiftly\".", "Competition Commission"),
])
def test_a_diplomatic_mission_is_named_with_where_it_is(text, speaker):
    assert quote_speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    # the person an appositive names after a role ("Its captain, X,"; "Another analyst, X of Y,")
    ("Nikolai Kuprin said: “We are fine.” Its captain, Sergei Anatolyevich Morozov, spoke briefly to NRK by radio. "
     "\"I have been coming to Kirkenes for 22 years,\" he said.", "Sergei Anatolyevich Morozov"),
    ("Priya Raghunathan said: “We are fine.” Another analyst, Hélène Marchetti of Banque Lemaire in Paris, pressed "
     "management on the risk. “The order book is at a record. Why?” she asked.", "Hélène Marchetti"),
    # a quote opening its paragraph: the person the paragraph before is about, named after an age and a role
    ("Adane Woldegiorgis said: “We are fine.”\n\nBack in Yirgacheffe, 61-year-old farmer Birhanu Gebre watched as "
     "Tsegaye paced out the edges of his land.\n\n“My father planted these trees,” he said, laughing.",
     "Birhanu Gebre"),
])
def test_a_pronoun_after_a_quote_names_the_subject_of_the_sentence_before_it(text, speaker):
    assert quote_speakers(text)[-1] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a given name read with an appositive before the full name is merged: one person, not two
    ("Jayawickrama shines\n\nLahiru Jayawickrama scored a century and his namesake Nuwan Jayawickrama took four "
     "wickets.\n\nNuwan, the 28-year-old fast bowler, then ripped through the top order.\n\n\"Everybody calls us "
     "Jayawickrama one and two,\" Nuwan said with a laugh.", "Nuwan Jayawickrama"),
    # the first of two surnames, met with a relative clause, stands for the fuller name read before it
    ("The bus stops and José Guadalupe Treviño Garza steps off with a lunch box.\n\n“Every morning someone posts "
     "that they are going to close us,” says Treviño, who has spent 19 years at the plant.",
     "José Guadalupe Treviño Garza"),
])
def test_a_bare_name_met_first_is_the_fuller_name_of_the_same_person(text, speaker):
    assert quote_speakers(text)[-1] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # verbs of the manner of speaking are cues, before or after the speaker
    ("‘He called my waffles a crime. On Instagram,’ fumed Rasmus Kjærgaard, jabbing a finger at his phone.",
     "Rasmus Kjærgaard"),
    ("“Sit down!” the judge barked.", "judge"),
    ("“Four hours for a passport,” one traveller griped.", "traveller"),
    # a reaction is a cue right after a quote its comma leaves open
    ("“Ask my wife,” Tom Hale laughed.", "Tom Hale"),
])
def test_verbs_of_the_manner_of_speaking_are_cues(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_reaction_after_a_quote_with_its_own_cue_is_no_cue():
    # (a guard: the reporter asked the question; the player who smiled answers it)
    text = ("Shahid Mehmood hit a century.\n\nOne reporter asked, \"Is this your answer to the selectors?\" Mehmood "
            "smiled. \"Ask the selectors,\" he replied.")
    assert quote_speakers(text) == [["reporter"], ["Shahid Mehmood"]]


def test_the_home_country_of_a_story_from_a_country_newly_listed_makes_another_states_ministry_foreign():
    text = ("ACCRA — Ghana on Tuesday banned the app. The Nigerian Foreign Ministry called the ban \"hasty\". "
            "Ghanaian Communications Minister Ama Boateng said the ban was \"necessary\".")
    assert quote_speakers(text, "speaker", "speaker_type") == [
        ["Nigerian Foreign Ministry", "foreign_government"], ["Ama Boateng", "government"]]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a title of three words in an appositive ("Chief Operating Officer of X") is the company's
    ("“It took weeks,” said Tomasz Kowalczyk-Nowak, Chief Operating Officer of Pomorze Offshore Wind.",
     "Tomasz Kowalczyk-Nowak", "company"),
    # the body a person works "in", named with a possessive
    ("Marcus Ellingsworth, an assistant director in the FBI’s cyber division, said the devices were \"protected only "
     "by default passwords\".", "Marcus Ellingsworth", "government"),
    # (a guard: a country after "in" is where one works, not whom for)
    ("Marcus Ellingsworth, a researcher in Germany, said the devices were \"protected only by default passwords\".",
     "Marcus Ellingsworth", "expert"),
    # public bodies: a municipality, a coast guard (its demonym kept in the name)
    ("The Copenhagen Municipality said it \"does not regulate the price of waffles\".", "Copenhagen Municipality",
     "government"),
    ("The Libyan Coast Guard said the charity had \"interfered with a rescue operation\".", "Libyan Coast Guard",
     "government"),
])
def test_types_from_titles_employers_and_public_bodies(text, speaker, speaker_type):
    assert quote_speakers(text, "speaker", "speaker_type") == [[speaker, speaker_type]]


@pytest.mark.parametrize("text, speaker", [
    # a capitalized small word after a quote's comma opens a title, not a new clause
    ("“We are not trying to stop anyone,” Under Secretary of Commerce Dana Whitfield-Ross told reporters.",
     "Dana Whitfield-Ross"),
    # a name whose last word is an auxiliary's ("Were") is no passive
    ("\"Athletes are responsible,\" ADAK chief executive Dr Naomi Achieng Were said.", "Naomi Achieng Were"),
    # a bracket after the name, before the cue
    ("“Every fab has a plan,” HASC spokesperson Jessica Wu Pei-chun (吳佩君) told CNA.", "Jessica Wu Pei-chun"),
    # the object pronoun after a frame
    ("Transport commissioner Babatunde Olasupo-Ajayi said the levy was fair.\n\nAccording to him, \"Every other "
     "commercial transporter in Lagos pays.\"", "Babatunde Olasupo-Ajayi"),
    # (a guard: a question put to the subject opens the sentence, read past up to its comma)
    ("Asked about the ruling by the Supreme Court last week, Jo Fry said it was \"a disgrace\".", "Jo Fry"),
    # ... and a pronoun subject after it stands for the person just named
    ("Back in his grove, Antonio Ruiz Valverde says he has taken out a loan. Asked whether he would plant olives "
     "again, he laughed. “What else would I plant? Cactus?”", "Antonio Ruiz Valverde"),
])
def test_titles_names_brackets_and_pronouns_around_a_cue(text, speaker):
    assert quote_speakers(text)[-1] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a middle initial is part of the name
    ("Judge Leland P. Ashcombe heard the case. The judge said he expected to rule \"in the next several months, not "
     "weeks.\"", "Leland P. Ashcombe"),
    # two titles of one person joined by "and"
    ("Co-founder and CEO Yonatan Ben-Ami announced the cuts, writing that the company had \"hired for a market that "
     "did not arrive.\"", "Yonatan Ben-Ami"),
])
def test_a_middle_initial_and_two_titles_before_a_name(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_member_of_parliament_named_with_the_title_is_a_government_speaker():
    text = ("Member of Parliament for the area Horace Whyte-Morrison said he had \"asked the minister for a pause\" "
            "until residents' concerns were addressed.")
    assert quote_speakers(text, "speaker", "speaker_type") == [["Horace Whyte-Morrison", "government"]]


@pytest.mark.parametrize("text, speaker", [
    ("The Ministry of Trade, Industry and Energy said it had held “close consultations” with Washington.",
     "Ministry of Trade, Industry and Energy"),
    ("A spokesperson for the Department for Science, Innovation and Technology said: ‘Every image is checked.’",
     "Department for Science, Innovation and Technology"),
    ("A spokesperson for the Department of Children, Equality, Disability, Integration and Youth said: ‘Every "
     "applicant was offered a bed.’", "Department of Children, Equality, Disability, Integration and Youth"),
    # (a guard: a portfolio list before a minister's name stays out of the name)
    ("Minister of Economy, Trade and Industry Ozaki Takeshi said it had held “close consultations”.", "Ozaki Takeshi"),
])
def test_a_body_named_with_a_list_of_portfolios(text, speaker):
    assert quote_speakers(text) == [[speaker]]


def test_a_relative_clause_after_a_role_with_an_acronym_leaves_the_name_before_it_as_the_speaker():
    text = ("Dimitra Sfakianaki, an opposition MP for East Attica, where fires in 2024 destroyed more than 100 homes, "
            "said the bill punished \"families who built legally\".")
    assert quote_speakers(text) == [["Dimitra Sfakianaki"]]
